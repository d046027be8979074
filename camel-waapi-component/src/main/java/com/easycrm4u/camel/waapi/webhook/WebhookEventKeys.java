package com.easycrm4u.camel.waapi.webhook;

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
 * The idempotency key of a webhook event, taken from signed content only (never from X-WAAPI-Delivery, which the
 * signature does not cover): the event's own ids where it has them, else a SHA-256 of its JSON. The same event keeps
 * its key in every delivery that carries it, so a retry, a duplicate or a replay under another delivery id is known.
 */
public final class WebhookEventKeys {

    private WebhookEventKeys() {
    }

    /**
     * The key of a typed event: {@code message:<wamid>}, {@code status:<wamid>:<status>} or
     * {@code template:<template id>:<event>:<entry time>}; null when the event lacks those ids.
     */
    public static String of(WebhookEvent event, String entryTime) {
        if (event instanceof InboundMessageEvent message && message.getMessage().getId() != null) {
            return "message:" + message.getMessage().getId();
        }
        if (event instanceof MessageStatusEvent status && status.getStatus().getId() != null
                && status.getStatus().getStatus() != null) {
            return "status:" + status.getStatus().getId() + ":" + status.getStatus().getStatus();
        }
        if (event instanceof TemplateStatusEvent template && template.getUpdate().getMessageTemplateId() != null) {
            TemplateStatusUpdate update = template.getUpdate();
            return "template:" + update.getMessageTemplateId() + ":" + update.getEvent() + ":"
                   + (entryTime != null ? entryTime : "");
        }
        return null;
    }

    /** The key of a part known by its JSON only (a change, or an event without ids), within its entry. */
    public static String ofPart(String wabaId, byte[] json) {
        return "change:" + sha256((wabaId != null ? wabaId : "").getBytes(StandardCharsets.UTF_8), json);
    }

    /** The key of a whole delivery body: split=false, or a signed JSON body that is not a WhatsApp envelope. */
    public static String ofBody(String kind, byte[] body) {
        return kind + ":" + sha256(new byte[0], body);
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
