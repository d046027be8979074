package com.easycrm4u.camel.waapi.soak.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;

/**
 * The deliveries of a run, as WAAPI forwards them from Meta: signed envelopes of 1 to 3 events each, inbound messages
 * and delivery statuses, every event with its own ids (so its key in the route is known in advance).
 */
public final class SoakDeliveries {

    /** One delivery: the signed bytes and the keys of the events in it. */
    public record Delivery(int number, byte[] body, String signature, List<String> eventKeys) {

        /** The POST of this delivery as WAAPI sends it, with the (unsigned) delivery id it keeps across its retries. */
        public HttpRequest request(URI webhook, Duration answerTimeout, String deliveryId) {
            return HttpRequest.newBuilder(webhook).timeout(answerTimeout)
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", signature)
                    .header("X-WAAPI-Event", "messages")
                    .header("X-WAAPI-Delivery", deliveryId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }
    }

    /**
     * Whether WAAPI sends a delivery answered with this status again: 5xx, 408 and 429 yes, any other answer is final.
     */
    public static boolean isSentAgain(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private SoakDeliveries() {
    }

    /** The deliveries of {@code events} events, signed with {@code verifyToken}. */
    public static List<Delivery> create(int events, long seed, String verifyToken) {
        Random random = new Random(seed);
        List<Delivery> deliveries = new ArrayList<>();
        int next = 0;
        while (next < events) {
            int size = Math.min(events - next, 1 + random.nextInt(3));
            StringBuilder changes = new StringBuilder();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < size; i++, next++) {
                changes.append(i == 0 ? "" : ",");
                if (next % 10 < 7) {
                    changes.append(message(next));
                    keys.add("message:wamid.SOAK-" + next);
                } else {
                    changes.append(status(next));
                    keys.add("status:wamid.OUT-" + next + ":delivered");
                }
            }
            byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"959648497055756\",\"changes\":["
                           + changes + "]}]}")
                    .getBytes(StandardCharsets.UTF_8);
            deliveries.add(new Delivery(deliveries.size(), body, WebhookSignature.sign(body, verifyToken), List.copyOf(keys)));
        }
        return deliveries;
    }

    private static String message(int n) {
        return "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
               + "\"+91 78900 00199\",\"phone_number_id\":\"1226212787235581\"},\"contacts\":[{\"profile\":{\"name\":\"Soak\"},"
               + "\"wa_id\":\"917890000198\"}],\"messages\":[{\"from\":\"917890000198\",\"id\":\"wamid.SOAK-" + n + "\","
               + "\"timestamp\":\"" + (1718635789 + n) + "\",\"type\":\"text\",\"text\":{\"body\":\"event " + n + "\"}}]}}";
    }

    private static String status(int n) {
        return "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
               + "\"+91 78900 00199\",\"phone_number_id\":\"1226212787235581\"},\"statuses\":[{\"id\":\"wamid.OUT-" + n + "\","
               + "\"status\":\"delivered\",\"timestamp\":\"" + (1718635789 + n) + "\",\"recipient_id\":\"917890000198\"}]}}";
    }
}
