package com.easycrm4u.camel.waapi.webhook.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each signed event is routed once: de-duplicated per event on signed content (X-WAAPI-Delivery only where the signed
 * content holds neither an id nor a time), a failed event is routed again on retry, the events routed before a failure
 * are not, and the answer comes only after the route finished.
 */
class WebhookDeliveryTest extends WebhookTestSupport {

    private static final String PATH = "/waapi/webhook";
    private static final byte[] BODY = payload("reference-text.json");

    private HttpResponse<String> deliver(String deliveryId, String event, String path) {
        return post(path, BODY, WebhookSignature.HEADER, WebhookSignature.sign(BODY, TOKEN), "X-WAAPI-Event", event,
                "X-WAAPI-Delivery", deliveryId);
    }

    @Test
    void aRetriedDeliveryIsAcknowledgedButNotRoutedAgain() {
        String deliveryId = newDeliveryId();
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
        assertThat(received("events").get(0).getMessage().getHeader(WaapiConstants.DELIVERY_ID)).isEqualTo(deliveryId);
    }

    @Test
    void aReplayUnderAnotherDeliveryIdOrNoneIsNotRoutedAgain() {
        String signature = WebhookSignature.sign(BODY, TOKEN);
        assertThat(deliver(newDeliveryId(), "messages", PATH).statusCode()).isEqualTo(200);
        // the same signed bytes, replayed by someone who saw them once, with a fresh, a missing or an empty delivery id
        assertThat(deliver(newDeliveryId(), "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", " ").statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
        assertThat(received("events").get(0).getMessage().getHeader(WaapiConstants.EVENT_KEY))
                .isEqualTo("message:wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy...");
    }

    @Test
    void anEventAlreadyRoutedIsSkippedInAnyLaterDeliveryThatCarriesIt() {
        assertThat(postSigned(PATH, payload("status-sent.json")).statusCode()).isEqualTo(200);
        // multi-entry.json carries five other events: they are routed, the text message of reference-text.json is not
        assertThat(postSigned(PATH, payload("reference-text.json")).statusCode()).isEqualTo(200);
        String both = new String(payload("multi-entry.json"), StandardCharsets.UTF_8).replace("wamid.MULTI-1",
                "wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy...");
        assertThat(postSigned(PATH, both.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY))
                .doesNotHaveDuplicates().hasSize(2 + 6)
                .contains("status:wamid.OUT-sent:sent", "message:wamid.MULTI-2", "status:wamid.MULTI-3:delivered",
                        "template:77:REJECTED:1718636000");
    }

    private static String accountUpdate(String wabaId, String event) {
        return "{\"id\":\"" + wabaId + "\",\"time\":1718636000,\"changes\":[{\"field\":\"account_update\",\"value\":"
               + "{\"phone_number\":\"917890000199\",\"event\":\"" + event + "\"}}]}";
    }

    /** A phone number's quality FLAGGED: a change without an id, at this entry time (none when null). */
    private static byte[] flagged(Long entryTime) {
        return envelope("{\"id\":\"959648497055756\"" + (entryTime != null ? ",\"time\":" + entryTime : "")
                        + ",\"changes\":[{\"field\":\"phone_number_quality_update\",\"value\":{\"display_phone_number\":"
                        + "\"917890000199\",\"event\":\"FLAGGED\",\"current_limit\":\"TIER_10K\"}}]}");
    }

    private HttpResponse<String> deliverChange(String path, byte[] body, String deliveryId) {
        return post(path, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN), "X-WAAPI-Event",
                "phone_number_quality_update", "X-WAAPI-Delivery", deliveryId);
    }

    private List<String> keys(String route) {
        return received(route).stream().map(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY,
                String.class)).toList();
    }

    @Test
    void aChangeWithoutAnIdThatHappensAgainAtAnotherEntryTimeIsRoutedAgain() {
        // the number FLAGGED twice a week apart: byte-identical changes, signed entry times a week apart
        String first = newDeliveryId();
        assertThat(deliverChange(PATH, flagged(1718636000L), first).statusCode()).isEqualTo(200);
        assertThat(deliverChange(PATH, flagged(1718636000L + 7 * 86_400), newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(2);
        // the first delivery retried, or replayed under another delivery id: its signed time says it is the same event
        assertThat(deliverChange(PATH, flagged(1718636000L), first).statusCode()).isEqualTo(200);
        assertThat(deliverChange(PATH, flagged(1718636000L), newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(keys("events")).hasSize(2).allSatisfy(key -> assertThat(key).matches("change:[0-9a-f]{64}:\\d+"))
                .last().asString().endsWith(":" + (1718636000L + 7 * 86_400));
    }

    @Test
    void aChangeWithNeitherIdNorTimeIsOneEventPerDelivery() {
        String delivery = newDeliveryId();
        assertThat(deliverChange(PATH, flagged(null), delivery).statusCode()).isEqualTo(200);
        assertThat(deliverChange(PATH, flagged(null), delivery).statusCode()).as("a retry of the delivery").isEqualTo(200);
        assertThat(received("events")).hasSize(1);
        assertThat(deliverChange(PATH, flagged(null), newDeliveryId()).statusCode()).as("a new delivery").isEqualTo(200);
        assertThat(keys("events")).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("change:[0-9a-f]{64}:delivery-id:[0-9a-f]{64}"));
        // without a delivery id, nothing tells occurrences apart: the content alone is the key
        byte[] body = flagged(null);
        String signature = WebhookSignature.sign(body, TOKEN);
        assertThat(post(PATH, body, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(post(PATH, body, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(keys("events")).hasSize(3).last().asString().matches("change:[0-9a-f]{64}");
    }

    @Test
    void aTemplateApprovedPausedAndApprovedAgainIsThreeEvents() {
        String template = "{\"id\":\"959648497055756\",\"time\":%d,\"changes\":[{\"field\":\"message_template_status_update\","
                          + "\"value\":{\"event\":\"%s\",\"message_template_id\":77,\"message_template_name\":\"order_shipped\","
                          + "\"message_template_language\":\"en\",\"reason\":\"NONE\"}}]}";
        byte[] approvedAgain = envelope(template.formatted(1718640000, "APPROVED"));
        assertThat(deliverChange(PATH, envelope(template.formatted(1718636000, "APPROVED")), newDeliveryId()).statusCode())
                .isEqualTo(200);
        assertThat(deliverChange(PATH, envelope(template.formatted(1718638000, "PAUSED")), newDeliveryId()).statusCode())
                .isEqualTo(200);
        assertThat(deliverChange(PATH, approvedAgain, newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(deliverChange(PATH, approvedAgain, newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(keys("events")).containsExactly("template:77:APPROVED:1718636000", "template:77:PAUSED:1718638000",
                "template:77:APPROVED:1718640000");
    }

    @Test
    void splitFalseKeysAnEnvelopeWithNeitherIdNorTimeOnItsDelivery() {
        String delivery = newDeliveryId();
        assertThat(deliverChange("/waapi/envelope", flagged(null), delivery).statusCode()).isEqualTo(200);
        assertThat(deliverChange("/waapi/envelope", flagged(null), delivery).statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).hasSize(1);
        assertThat(deliverChange("/waapi/envelope", flagged(null), newDeliveryId()).statusCode()).isEqualTo(200);
        // with a signed time, the body alone tells the occurrence: a replay under another delivery id is not routed
        assertThat(deliverChange("/waapi/envelope", flagged(1718636000L), newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(deliverChange("/waapi/envelope", flagged(1718636000L), newDeliveryId()).statusCode()).isEqualTo(200);
        assertThat(keys("envelopes")).hasSize(3).doesNotHaveDuplicates().last().asString()
                .matches("delivery:[0-9a-f]{64}");
    }

    private static byte[] envelope(String... entries) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[" + String.join(",", entries) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChangeWithoutIdsIsKeyedOnItsAccountAndItsOwnJson() {
        assertThat(postSigned(PATH, envelope(accountUpdate("959648497055756", "VERIFIED_ACCOUNT"))).statusCode())
                .isEqualTo(200);
        // another change of the same account, and the same change of another account: two more events
        assertThat(postSigned(PATH, envelope(accountUpdate("959648497055756", "DISABLED_UPDATE"),
                accountUpdate("111111111111111", "VERIFIED_ACCOUNT"))).statusCode()).isEqualTo(200);
        // the first change again, re-formatted by whoever replays it under another delivery id: the same event
        byte[] replay = new String(envelope(accountUpdate("959648497055756", "VERIFIED_ACCOUNT")), StandardCharsets.UTF_8)
                .replace(",", ",\n  ").replace(":", ": ").getBytes(StandardCharsets.UTF_8);
        assertThat(postSigned(PATH, replay).statusCode()).isEqualTo(200);

        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND))
                .containsExactly("other", "other", "other");
        assertThat(received("events"))
                .extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class))
                .doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).matches("change:[0-9a-f]{64}:1718636000"))
                // SHA-256 of "959648497055756\n" and the change's compact JSON, then the entry's time: the same in every
                // release, so a persistent repository still knows the events it holds after an upgrade
                .startsWith("change:8ad2fe691630da0a17e0a72d52ad978483262877df2e8b9fcfada000e62eb2be:1718636000");
    }

    @Test
    void messagesAndStatusesWithoutIdsAreKeyedOnTheirOwnJsonWhetherReadTypedOrAsATree() {
        String message
                = "{\"from\":\"917890000198\",\"timestamp\":\"1718635900\",\"type\":\"text\",\"text\":{\"body\":\"%s\"}}";
        String status = "{\"recipient_id\":\"917890000198\",\"timestamp\":\"1718635900\",\"status\":\"%s\"}";
        String change = "{\"field\":\"messages\",\"value\":{\"messages\":[" + message.formatted("one") + ","
                        + message.formatted("two") + "],\"statuses\":[" + status.formatted("sent") + ","
                        + status.formatted("read")
                        + "]}}";
        String broken = "{\"field\":\"messages\",\"value\":{\"messages\":[null]}}";
        assertThat(postSigned(PATH, envelope("{\"id\":\"1\",\"time\":1718636000,\"changes\":[" + change + "]}")).statusCode())
                .isEqualTo(200);
        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND))
                .containsExactly("message", "message", "status", "status");
        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY))
                .doesNotHaveDuplicates();

        // beside a part that cannot be typed, the envelope is read as a tree: its events keep their keys
        assertThat(postSigned(PATH, envelope("{\"id\":\"1\",\"time\":1718636000,\"changes\":[" + broken + "," + change
                                             + "]}"))
                .statusCode())
                .isEqualTo(200);
        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND))
                .containsExactly("message", "message", "status", "status", "unknown");
    }

    @Test
    void splitFalseKeysTheDeliveryOnAHashOfTheSignedBody() {
        byte[] body = payload("multi-entry.json");
        assertThat(postSigned("/waapi/envelope", body).statusCode()).isEqualTo(200);
        assertThat(postSigned("/waapi/envelope", body).statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).singleElement().satisfies(exchange -> assertThat(
                exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class)).matches("delivery:[0-9a-f]{64}"));
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace("\n", " ").getBytes(StandardCharsets.UTF_8);
        assertThat(postSigned("/waapi/envelope", reformatted).statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).hasSize(2);
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
    void aRouteThatMarksTheExchangeRollbackOnlyAnswers500AndTheRetryIsRouted() {
        AtomicInteger attempts = new AtomicInteger();
        hook = exchange -> {
            if (attempts.incrementAndGet() == 1) {
                // no exception: the route only says the exchange must not count as done
                exchange.setRollbackOnly(true);
            }
        };
        String deliveryId = newDeliveryId();
        HttpResponse<String> rolledBack = deliver(deliveryId, "messages", PATH);
        assertThat(rolledBack.statusCode()).isEqualTo(500);
        assertThat(rolledBack.body())
                .isEqualTo("{\"ok\":false,\"error\":\"the route failed to process the delivery; send it again\"}");
        assertThat(received("events")).isEmpty();

        assertThat(deliver(deliveryId, "messages", PATH).statusCode()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
        assertThat(received("events")).hasSize(1);
    }

    @Test
    void aRetryAfterAPartialFailureRoutesOnlyTheEventsNotRoutedYet() {
        AtomicInteger attempts = new AtomicInteger();
        hook = exchange -> {
            if (attempts.incrementAndGet() == 3) {
                throw new IllegalStateException("third event fails once");
            }
        };
        byte[] multi = payload("multi-entry.json");
        String deliveryId = newDeliveryId();
        String signature = WebhookSignature.sign(multi, TOKEN);
        assertThat(post(PATH, multi, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", deliveryId).statusCode())
                .isEqualTo(500);
        assertThat(received("events")).hasSize(2);
        assertThat(post(PATH, multi, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", deliveryId).statusCode())
                .isEqualTo(200);
        assertThat(post(PATH, multi, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", newDeliveryId()).statusCode())
                .isEqualTo(200);
        // 2 routed before the failure, the failed one and the 4 after it on the retry: each of the 7 once
        assertThat(received("events")).hasSize(7);
        assertThat(attempts).hasValue(8);
        assertThat(received("events")).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY))
                .doesNotHaveDuplicates();
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
        CompletableFuture<HttpResponse<String>> first
                = CompletableFuture.supplyAsync(() -> deliver(deliveryId, "messages", PATH));
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
    void aDeliveryWithoutADeliveryIdIsRoutedOnce() {
        String signature = WebhookSignature.sign(BODY, TOKEN);
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, signature).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
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
