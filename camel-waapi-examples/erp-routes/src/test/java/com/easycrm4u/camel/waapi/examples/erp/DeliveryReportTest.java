package com.easycrm4u.camel.waapi.examples.erp;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReportTest {

    @TempDir
    Path workDir;

    @Test
    void aFailedStatusThatComesBeforeTheSendsAnswerKeepsItsError() throws Exception {
        Path file = workDir.resolve("delivery-report.json");
        DeliveryReport report = new DeliveryReport(file);

        // on a loaded machine the failed webhook can be routed before the send's answer reaches the report
        report.status("wamid.early", "failed", "1700000000",
                "(#131026) Recipient phone number does not have WhatsApp installed");
        report.sent(Map.of("orderId", "SO-1", "phone", "+917890000198"), "wamid.early", "sent");

        JsonNode order = new ObjectMapper().readTree(file.toFile()).path("orders").get(0);
        assertThat(order.path("status").asText()).isEqualTo("failed");
        assertThat(order.path("error").asText()).isEqualTo("(#131026) Recipient phone number does not have WhatsApp installed");
    }

    @Test
    void statusesOnlyMoveForward() throws Exception {
        Path file = workDir.resolve("delivery-report.json");
        DeliveryReport report = new DeliveryReport(file);

        report.sent(Map.of("orderId", "SO-2", "phone", "+917890000197"), "wamid.late", "sent");
        report.status("wamid.late", "read", "1700000002", null);
        report.status("wamid.late", "delivered", "1700000001", null);

        JsonNode order = new ObjectMapper().readTree(file.toFile()).path("orders").get(0);
        assertThat(order.path("status").asText()).isEqualTo("read");
        assertThat(order.has("error")).isFalse();
    }
}
