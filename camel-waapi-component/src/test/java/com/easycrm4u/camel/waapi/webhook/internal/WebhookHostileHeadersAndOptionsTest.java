package com.easycrm4u.camel.waapi.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sender controls without a key (the unsigned X-WAAPI-Delivery and X-WAAPI-Event) cannot forge log lines, a
 * mistyped {@code events} name is warned about at start, deliveries filtered out are logged at INFO without flooding,
 * and the de-duplication key space is the normalised path. Deliveries are handed to the consumer's processor as the
 * HTTP host would.
 */
class WebhookHostileHeadersAndOptionsTest {

    private static final String TOKEN = "t0ken";
    private static final byte[] BODY = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
                                        + "\"field\":\"messages\",\"value\":{\"messages\":[{\"from\":\"917890000198\","
                                        + "\"id\":\"wamid.HOSTILE\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String FORGED = "2026-12-07 12:00:00:000 [main] INFO Forged - the delivery was approved";

    /** A context whose waapi component serves webhooks on a stub HTTP server. */
    private static CamelContext context() {
        CamelContext context = new DefaultCamelContext();
        WaapiComponent waapi = new WaapiComponent();
        waapi.setWebhookComponentName("http-stub");
        context.addComponent("waapi", waapi);
        context.getRegistry().bind("http-stub", (RestConsumerFactory) (
                camelContext, processor, verb, basePath, uriTemplate, consumes, produces, configuration,
                parameters) -> new DefaultConsumer(context.getEndpoint("mock:http"), processor));
        return context;
    }

    private static void start(CamelContext context, String uri, boolean failing) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (failing) {
                    from(uri).throwException(new IllegalStateException("route down"));
                } else {
                    from(uri).to("mock:events");
                }
            }
        });
        context.start();
    }

    /** Hands a signed delivery to the consumer of the path, as the HTTP host does; its answer's status. */
    private static int deliver(CamelContext context, String path, String eventType, String deliveryId) {
        AtomicReference<WebhookResponse> answer = new AtomicReference<>();
        WebhookPaths.of(context).registration(path).processor().received(new WebhookBodyReader.Body(BODY, null), eventType,
                deliveryId, WebhookSignature.sign(BODY, TOKEN), answer::set, Runnable::run);
        return answer.get().status();
    }

    private static List<String> linesWith(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).toList();
    }

    @Test
    void headerValuesInLogLinesHaveTheirControlCharactersEscapedAndAreCut() throws Exception {
        try (CamelContext context = context()) {
            start(context, "waapi:webhook?webhookVerifyToken=" + TOKEN, true);
            String deliveryId = "dlv-1\r\n" + FORGED + "\u0085\u001b[31m";
            String log = StandardErrorCapture.capture(() -> assertThat(
                    deliver(context, "/waapi/webhook", "messages\r\n" + FORGED + "x".repeat(500), deliveryId))
                    .isEqualTo(500));
            assertThat(log.lines()).noneMatch(line -> line.startsWith(FORGED));
            assertThat(linesWith(log, "failed in the route")).singleElement().asString()
                    .contains("delivery dlv-1\\r\\n" + FORGED + "\\u0085\\u001b[31m (event messages\\r\\n" + FORGED)
                    .contains("...(").contains(" more characters)").doesNotContain("x".repeat(200));
        }
    }

    @Test
    void anUnknownEventsNameLogsOneWarningAtStartListingTheKnownOnes() throws Exception {
        try (CamelContext context = context()) {
            String log = StandardErrorCapture.capture(
                    () -> start(context, "waapi:webhook?webhookVerifyToken=" + TOKEN + "&events=message,messages,acount_update",
                            false));
            assertThat(linesWith(log, "does not know")).singleElement().asString().contains("WARN")
                    .contains("events=[acount_update, message, messages] names [acount_update, message]")
                    .contains("account_update, ").contains("messages, ").contains("phone_number_quality_update");
            assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                    .as("WAAPI may add event types: the route starts").isTrue();
        }
        try (CamelContext context = context()) {
            String log = StandardErrorCapture.capture(() -> start(context,
                    "waapi:webhook?webhookVerifyToken=" + TOKEN + "&events=messages,message_template_status_update", false));
            assertThat(linesWith(log, "does not know")).isEmpty();
        }
    }

    @Test
    void deliveriesFilteredOutAreLoggedAtInfoAtMostOncePerInterval() throws Exception {
        try (CamelContext context = context()) {
            start(context, "waapi:webhook?webhookVerifyToken=" + TOKEN + "&events=message", false);
            String log = StandardErrorCapture.capture(() -> {
                for (int i = 0; i < 50; i++) {
                    assertThat(deliver(context, "/waapi/webhook", "messages", "dlv-" + i)).isEqualTo(200);
                }
                assertThat(deliver(context, "/waapi/webhook", "messages\r\n" + FORGED, "dlv-x")).isEqualTo(200);
            });
            assertThat(linesWith(log, "without routing")).singleElement().asString().contains("INFO")
                    .contains("acknowledged delivery dlv-0 of event messages without routing it: not among events=[message]");
            assertThat(log.lines()).noneMatch(line -> line.startsWith(FORGED));
            assertThat(context.getEndpoint("mock:events", MockEndpoint.class).getReceivedCounter()).isZero();
        }
    }

    @Test
    void consumersWhosePathsAreSpelledDifferentlyShareOneKeySpace() throws Exception {
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        List<String> spellings = List.of("/waapi/webhook", "waapi/webhook", "/waapi/webhook/");
        List<CamelContext> nodes = spellings.stream().map(path -> context()).toList();
        try {
            int routed = 0;
            for (int i = 0; i < nodes.size(); i++) {
                CamelContext node = nodes.get(i);
                node.getRegistry().bind("shared", shared);
                start(node, "waapi:webhook?path=" + spellings.get(i) + "&idempotentRepository=#shared&webhookVerifyToken="
                            + TOKEN,
                        false);
                assertThat(deliver(node, spellings.get(i), "messages", "dlv-" + i)).isEqualTo(200);
                routed += node.getEndpoint("mock:events", MockEndpoint.class).getReceivedCounter();
            }
            assertThat(routed).as("the event is routed once, by the first node").isEqualTo(1);
        } finally {
            for (CamelContext node : nodes) {
                node.close();
            }
        }
    }
}
