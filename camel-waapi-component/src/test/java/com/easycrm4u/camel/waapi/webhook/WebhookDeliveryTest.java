package com.easycrm4u.camel.waapi.webhook;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiConstants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery with de-duplication: a delivery is routed once, a failed one is routed again on retry, and
 * the answer comes only after the route finished.
 */
class WebhookDeliveryTest extends WebhookTestSupport {

    private static final String PATH = "/waapi/webhook";
    private static final byte[] BODY = payload("reference-text.json");

    private static HttpResponse<String> deliver(String deliveryId, String event, String path) {
        return post(path, BODY, WebhookSignature.HEADER, WebhookSignature.sign(BODY, TOKEN), "X-WAAPI-Event", event,
                "X-WAAPI-Delivery", deliveryId);
    }

    @Test
    void aReplayedDeliveryIsAcknowledgedButNotRoutedAgain() {
        String deliveryId = newDeliveryId();
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
        assertThat(received("events").get(0).getMessage().getHeader(WaapiConstants.DELIVERY_ID)).isEqualTo(deliveryId);
        // another delivery id is routed
        assertThat(deliver(newDeliveryId(), "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2);
    }

    @Test
    void aRouteFailureAnswers500AndTheRetryIsRouted() {
        AtomicInteger attempts = new AtomicInteger();
        hook = exchange -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        };
        String deliveryId = newDeliveryId();
        HttpResponse<String> failed = deliver(deliveryId, "messages", PATH);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("\"error\"").doesNotContain("database down");
        assertThat(received("events")).isEmpty();

        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
        assertThat(received("events")).hasSize(1);
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aFailureOfOneSplitExchangeFailsTheWholeDelivery() {
        AtomicInteger attempts = new AtomicInteger();
        hook = exchange -> {
            if (attempts.incrementAndGet() == 3) {
                throw new IllegalStateException("third event fails once");
            }
        };
        byte[] multi = payload("multi-entry.json");
        String deliveryId = newDeliveryId();
        String signature = WebhookSignature.sign(multi, TOKEN);
        assertThat(post(PATH, multi, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", deliveryId).statusCode()).isEqualTo(500);
        assertThat(received("events")).hasSize(2);
        assertThat(post(PATH, multi, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", deliveryId).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2 + 7);
    }

    @Test
    void theAnswerWaitsForTheRouteAndAConcurrentDuplicateIsNeitherRoutedNorAcknowledged() throws Exception {
        CountDownLatch routeEntered = new CountDownLatch(1);
        CountDownLatch releaseRoute = new CountDownLatch(1);
        AtomicInteger routed = new AtomicInteger();
        hook = exchange -> {
            routed.incrementAndGet();
            routeEntered.countDown();
            assertThat(releaseRoute.await(20, TimeUnit.SECONDS)).isTrue();
        };
        String deliveryId = newDeliveryId();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> deliver(deliveryId, "messages", PATH));
        assertThat(routeEntered.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(first).isNotDone();

        HttpResponse<String> duplicate = deliver(deliveryId, "messages", PATH);
        assertThat(duplicate.statusCode()).isEqualTo(503);
        assertThat(duplicate.headers().firstValue("Retry-After")).isPresent();
        assertThat(first).isNotDone();

        releaseRoute.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(routed).hasValue(1);
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(received("events")).hasSize(1));
    }

    @Test
    void deliveriesWithoutADeliveryIdAreStillRouted() {
        String signature = WebhookSignature.sign(BODY, TOKEN);
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2);
        assertThat(received("events").get(0).getMessage().getHeader(WaapiConstants.DELIVERY_ID)).isNull();
    }

    @Test
    void filteredEventsAreAcknowledgedButNotRouted() {
        assertThat(deliver(newDeliveryId(), "message_template_status_update", "/waapi/filtered").statusCode()).isEqualTo(200);
        assertThat(post("/waapi/filtered", BODY, WebhookSignature.HEADER, WebhookSignature.sign(BODY, TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(received("filtered")).isEmpty();
        assertThat(deliver(newDeliveryId(), "messages", "/waapi/filtered").statusCode()).isEqualTo(200);
        assertThat(received("filtered")).hasSize(1);
    }

    @Test
    void aFilteredDeliveryIsStillVerified() {
        assertThat(post("/waapi/filtered", BODY, WebhookSignature.HEADER, WebhookSignature.sign(BODY, "wrong"),
                "X-WAAPI-Event", "account_update").statusCode()).isEqualTo(401);
    }
}
