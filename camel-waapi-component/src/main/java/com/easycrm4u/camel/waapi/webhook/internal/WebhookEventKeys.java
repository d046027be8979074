package com.easycrm4u.camel.waapi.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusUpdate;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;

/**
 * The idempotency key of a webhook event, taken from signed content first: the event's own ids where it has them (a
 * message id; a message id and its status), which it keeps in every delivery that carries it, so a retry, a duplicate
 * or a replay under another delivery id is known. An event without an id (a template status, an account, quality or
 * capability update, a shape this component cannot type) is keyed on its signed content together with its
 * <em>occurrence</em>: the envelope entry's signed {@code time}, so that the same change happening twice is two events.
 * Only where the signed content holds neither an id nor a time does the occurrence come from the unsigned
 * {@code X-WAAPI-Delivery} id, which WAAPI keeps across the retries of one delivery: a retry is routed once, a new
 * delivery of the same content is a new event.
 */
public final class WebhookEventKeys {

    private WebhookEventKeys() {
    }

    /**
     * What may tell two occurrences of the same signed content apart.
     *
     * @param entryTime  the {@code time} of the envelope entry, or null
     * @param deliveryId the {@code X-WAAPI-Delivery} header, or null
     */
    public record Occurrence(String entryTime, String deliveryId) {

        /** Nothing tells occurrences apart (or the content does not need it). */
        public static final Occurrence NONE = new Occurrence(null, null);

        /**
         * The entry's signed time, else the delivery id as {@code delivery-id:<SHA-256>} (it is unsigned, so neither
         * its length nor its characters reach the key), else null. Computed only for a key that needs it: the keys of
         * events with ids of their own never do.
         */
        public String value() {
            if (entryTime != null) {
                return entryTime;
            }
            if (deliveryId != null) {
                return "delivery-id:" + sha256(new byte[0], deliveryId.getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }
    }

    /**
     * The key of a typed event: {@code message:<wamid>}, {@code status:<wamid>:<status>} or
     * {@code template:<template id>:<event>:<occurrence>}; null when the event lacks those ids.
     *
     * @param occurrence the event's entry time and delivery id
     */
    public static String of(WebhookEvent event, Occurrence occurrence) {
        if (event instanceof InboundMessageEvent message && hasOwnId(event)) {
            return "message:" + message.getMessage().getId();
        }
        if (event instanceof MessageStatusEvent status && hasOwnId(event)) {
            return "status:" + status.getStatus().getId() + ":" + status.getStatus().getStatus();
        }
        // a template's ids name the template, not this change of it: its occurrence does
        if (event instanceof TemplateStatusEvent template && template.getUpdate().getMessageTemplateId() != null) {
            TemplateStatusUpdate update = template.getUpdate();
            String value = occurrence.value();
            return "template:" + update.getMessageTemplateId() + ":" + update.getEvent() + ":" + (value != null ? value : "");
        }
        return null;
    }

    /** Whether the event has ids of its own that tell it from any other: an inbound message's, a status's. */
    public static boolean hasOwnId(WebhookEvent event) {
        if (event instanceof InboundMessageEvent message) {
            return message.getMessage().getId() != null;
        }
        return event instanceof MessageStatusEvent status && status.getStatus().getId() != null
                && status.getStatus().getStatus() != null;
    }

    /**
     * The key of a part known by its JSON only (a change, or an event without ids), within its entry:
     * {@code change:<SHA-256 of the account id and the JSON>}, then {@code :<occurrence>} when there is one.
     */
    public static String ofPart(String wabaId, byte[] json, Occurrence occurrence) {
        return withOccurrence(
                "change:" + sha256((wabaId != null ? wabaId : "").getBytes(StandardCharsets.UTF_8), json), occurrence);
    }

    /**
     * The key of a whole delivery body (split=false, or a signed JSON body that is not a WhatsApp envelope):
     * {@code <kind>:<SHA-256 of the body>}, then {@code :<occurrence>} when the body needs one.
     */
    public static String ofBody(String kind, byte[] body, Occurrence occurrence) {
        return withOccurrence(kind + ":" + sha256(new byte[0], body), occurrence);
    }

    private static String withOccurrence(String key, Occurrence occurrence) {
        String value = occurrence.value();
        return value != null ? key + ":" + value : key;
    }

    static String sha256(byte[] prefix, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            digest.update((byte) '\n');
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
