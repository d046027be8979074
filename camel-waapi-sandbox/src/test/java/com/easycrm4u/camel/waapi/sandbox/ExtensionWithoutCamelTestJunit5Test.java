package com.easycrm4u.camel.waapi.sandbox;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The extension on a classpath without camel-test-junit5, as in a Spring Boot test or a plain context: run by the
 * surefire execution {@code without-camel-test-junit5} of this module's pom, which removes it.
 */
@EnabledIfSystemProperty(named = "waapi.sandbox.classpath", matches = "without-camel-test-junit5")
class ExtensionWithoutCamelTestJunit5Test {

    @RegisterExtension
    WaapiSandboxExtension waapi = new WaapiSandboxExtension().withWebhooks();

    @Test
    void aPlainContextGetsTheSandboxAndItsWebhooks() throws Exception {
        assertThatThrownBy(() -> Class.forName("org.apache.camel.test.junit5.ConfigurableContext"))
                .as("this classpath has no camel-test-junit5").isInstanceOf(ClassNotFoundException.class);
        try (CamelContext context = new DefaultCamelContext()) {
            waapi.configure(context);
            context.addRoutes(StatusRoundTrip.routes());
            context.start();

            StatusRoundTrip.sendAndReceiveStatuses(context, waapi.getSandbox());
        }
    }
}
