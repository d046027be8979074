package com.easycrm4u.camel.waapi.sandbox;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.model.PingResult;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A static extension: one sandbox for the class, every test's fresh context pointed at it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxClassScopedExtensionTest extends CamelTestSupport {

    @RegisterExtension
    static WaapiSandboxExtension waapi = new WaapiSandboxExtension(WaapiSandbox.builder()
            .apiKey(SandboxApiKey.builder("waapi_class").name("Class").build()));

    private static String firstBaseUrl;

    @BeforeEach
    void forgetTheOtherTests() {
        waapi.getSandbox().reset();
    }

    @Test
    @Order(1)
    void first(WaapiSandbox sandbox) {
        firstBaseUrl = sandbox.getBaseUrl();
        assertThat(template.requestBody("waapi:ping", null, PingResult.class).getApiKeyName()).isEqualTo("Class");
        assertThat(sandbox.getRequests()).hasSize(1);
    }

    @Test
    @Order(2)
    void second(WaapiSandbox sandbox) {
        assertThat(sandbox.getBaseUrl()).isEqualTo(firstBaseUrl);
        assertThat(context.getComponent("waapi", WaapiComponent.class).getConfiguration().getBaseUrl())
                .isEqualTo(firstBaseUrl);
        assertThat(context.getComponent("waapi", WaapiComponent.class).getConfiguration().getApiSecret()).isNull();
        template.requestBody("waapi:ping", null, PingResult.class);
        assertThat(sandbox.getRequests()).hasSize(1);
    }
}
