package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: nothing is lost or counted twice. */
class SandboxConcurrencyTest {

    private static final String TEMPLATE = "{\"to\": \"917890000198\", \"fromPhoneNo\": \"+917890000199\", "
                                           + "\"name\": \"order_shipped\", \"language\": \"en\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-17T12:00:00Z"));
    private WaapiSandbox sandbox;
    private ExecutorService clients;

    @BeforeEach
    void start() {
        sandbox = WaapiSandbox.builder().clock(clock)
                .apiKey(SandboxApiKey.builder("waapi_busy").name("Busy").build())
                .apiKey(SandboxApiKey.builder("waapi_limited").name("Limited").quotaPerMinute(50).build())
                .build().start();
        clients = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        sandbox.close();
    }

    @Test
    void parallelSendsAreAllRecordedOnce() throws Exception {
        List<Integer> statuses = sendInParallel(new RawApi(sandbox).as("waapi_busy", null), 200);

        assertThat(statuses).containsOnly(200);
        assertThat(sandbox.getSentMessages()).hasSize(200);
        assertThat(sandbox.getSentMessages()).extracting(SentMessage::getMessageId).doesNotHaveDuplicates();
        assertThat(sandbox.getRequests()).hasSize(200);
    }

    @Test
    void theQuotaHoldsUnderParallelLoad() throws Exception {
        List<Integer> statuses = sendInParallel(new RawApi(sandbox).as("waapi_limited", null), 120);

        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(50);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(70);
        assertThat(sandbox.getSentMessages()).hasSize(50);
    }

    @Test
    void requestBodiesOverOneMebibyteAreRefused() {
        String huge = "{\"to\": \"" + "9".repeat(1024 * 1024) + "\"}";
        RawApi.Answer answer = new RawApi(sandbox).as("waapi_busy", null).post("/whatsapp-api/messages/text", huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("success").asBoolean()).isFalse();
    }

    private List<Integer> sendInParallel(RawApi api, int count) throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(() -> api.post("/whatsapp-api/messages/template", TEMPLATE).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : clients.invokeAll(calls)) {
            statuses.add(result.get());
        }
        return statuses;
    }
}
