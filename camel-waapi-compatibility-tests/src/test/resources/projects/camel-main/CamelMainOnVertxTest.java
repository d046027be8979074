package com.example.shipping;

import java.util.List;

import com.easycrm4u.camel.waapi.model.SendResult;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookCallback;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;

import static com.easycrm4u.camel.waapi.sandbox.WebhookDelivery.State.DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The README's application on Camel Main 4.22, where camel-platform-http-main (camel.server.*) is not served: Camel
 * Main runs its application.properties (the routes, the waapi component) with Camel's Vert.x HTTP server added as a
 * service, sends the template to the sandbox through waapi: and receives the sandbox's signed status webhooks on
 * waapi:webhook.
 */
class CamelMainOnVertxTest {

    @Test
    void theApplicationSendsTheTemplateAndReceivesItsSignedStatuses() throws Exception {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().build().start()) {
            WebhookCallback callback = sandbox.deliverWebhooksToFreePort();
            Main main = new Main();
            // the sandbox's URL and account in place of the {{env:...}} values of application.properties
            sandbox.camelProperties().forEach(main::addOverrideProperty);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeConfigure(BaseMainSupport camelMain) {
                    VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
                    server.setBindHost("127.0.0.1");
                    server.setBindPort(callback.port());
                    try {
                        camelMain.getCamelContext().addService(new VertxPlatformHttpServer(server));
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot add the HTTP server of waapi:webhook", e);
                    }
                }
            });
            main.start();
            try {
                // the Camel the project's pom chose (mvn -Dexpected.camel.version=...)
                assertThat(main.getCamelContext().getVersion()).isEqualTo(System.getProperty("expected.camel.version"));
                assertThat(main.getCamelContext().getRoutes()).hasSize(2);

                SendResult sent = main.getCamelContext().createProducerTemplate().requestBodyAndHeader("direct:orderShipped",
                        List.of("Sayantan", "AWB-12345"), "customerPhone", "+917890000198", SendResult.class);

                sandbox.awaitStatus("read", sent.getMessageId());
                assertThat(sandbox.getSentMessage(sent.getMessageId()).getType()).isEqualTo("template");
                // each signed status webhook was answered 200 by the delivery-statuses route on Camel Main
                assertThat(sandbox.getDeliveries())
                        .extracting(WebhookDelivery::getKind, WebhookDelivery::getState)
                        .containsExactly(tuple("sent", DELIVERED), tuple("delivered", DELIVERED), tuple("read", DELIVERED));
            } finally {
                main.stop();
            }
        }
    }
}
