package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessagesValue;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookChange;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEntry;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.easycrm4u.camel.waapi.webhook.model.WebhookMetadata;

/**
 * The CamelWaapi* headers of the exchanges of a delivery: the same request-level headers on each, and what each event
 * (or envelope) says about itself, put straight into the exchange's headers when it is created. No header of the HTTP
 * request is ever copied.
 */
final class WebhookHeaders {

    /** The most characters of an unsigned header value that a log line shows. */
    static final int LOGGED_LENGTH = 128;

    private final String eventType;
    private final String deliveryId;
    private final byte[] rawBody;

    WebhookHeaders(String eventType, String deliveryId, byte[] rawBody) {
        this.eventType = eventType;
        this.deliveryId = deliveryId;
        this.rawBody = rawBody;
    }

    /** The X-WAAPI-Delivery header, or null. */
    String deliveryId() {
        return deliveryId;
    }

    /**
     * An unsigned request header value (X-WAAPI-Delivery, X-WAAPI-Event) as a log line may show it: so that a sender
     * cannot forge log lines or flood them, CR, LF, the other C0 and C1 control characters, DEL, the Unicode line and
     * paragraph separators and the backslash are escaped ({@code \r}, {@code \n}, {@code \t}, {@code \\}, the others as
     * a backslash, u and four hex digits), and a value longer than {@value #LOGGED_LENGTH} characters is cut, with how
     * many were left out. Null stays null.
     */
    static String forLog(String value) {
        if (value == null) {
            return null;
        }
        int shown = Math.min(value.length(), LOGGED_LENGTH);
        StringBuilder escaped = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        if (value.length() > shown) {
            escaped.append("...(").append(value.length() - shown).append(" more characters)");
        }
        return escaped.toString();
    }

    /** Puts the CamelWaapi* headers of an exchange straight into its headers. */
    interface Writer {
        void writeTo(Map<String, Object> headers);
    }

    Writer ofEvent(WebhookEvent event, String key) {
        return headers -> {
            common(headers, key);
            headers.put(WaapiConstants.EVENT_KIND, event.getKind());
            putIfNotNull(headers, WaapiConstants.WABA_ID, event.getWabaId());
            if (event instanceof InboundMessageEvent message) {
                putIfNotNull(headers, WaapiConstants.PHONE_NUMBER_ID, phoneNumberId(message.getMetadata()));
                putIfNotNull(headers, WaapiConstants.FROM, message.getMessage().getFrom());
                putIfNotNull(headers, WaapiConstants.MESSAGE_ID, message.getMessage().getId());
                putIfNotNull(headers, WaapiConstants.INBOUND_MESSAGE_TYPE, message.getMessage().getType());
            } else if (event instanceof MessageStatusEvent status) {
                putIfNotNull(headers, WaapiConstants.PHONE_NUMBER_ID, phoneNumberId(status.getMetadata()));
                putIfNotNull(headers, WaapiConstants.MESSAGE_ID, status.getStatus().getId());
                putIfNotNull(headers, WaapiConstants.STATUS, status.getStatus().getStatus());
            } else if (event instanceof TemplateStatusEvent template) {
                putIfNotNull(headers, WaapiConstants.STATUS, template.getUpdate().getEvent());
            }
        };
    }

    Writer ofEnvelope(WebhookEnvelope envelope, String key) {
        return headers -> {
            common(headers, key);
            WebhookEntry firstEntry = envelope.getEntry() == null || envelope.getEntry().isEmpty()
                    ? null : envelope.getEntry().get(0);
            if (firstEntry != null) {
                putIfNotNull(headers, WaapiConstants.WABA_ID, firstEntry.getId());
                putIfNotNull(headers, WaapiConstants.PHONE_NUMBER_ID, firstPhoneNumberId(firstEntry));
            }
        };
    }

    /** An event of a shape this component cannot type: its kind is {@value WebhookEvent#KIND_UNKNOWN}. */
    Writer ofUnknown(String wabaId, String key) {
        return headers -> {
            common(headers, key);
            headers.put(WaapiConstants.EVENT_KIND, WebhookEvent.KIND_UNKNOWN);
            putIfNotNull(headers, WaapiConstants.WABA_ID, wabaId);
        };
    }

    private void common(Map<String, Object> headers, String key) {
        putIfNotNull(headers, WaapiConstants.EVENT_TYPE, eventType);
        putIfNotNull(headers, WaapiConstants.DELIVERY_ID, deliveryId);
        headers.put(WaapiConstants.EVENT_KEY, key);
        headers.put(WaapiConstants.RAW_BODY, rawBody);
    }

    private static String firstPhoneNumberId(WebhookEntry entry) {
        if (entry.getChanges() != null) {
            for (WebhookChange change : entry.getChanges()) {
                if (change.getValue() instanceof MessagesValue value && phoneNumberId(value.getMetadata()) != null) {
                    return phoneNumberId(value.getMetadata());
                }
            }
        }
        return null;
    }

    private static String phoneNumberId(WebhookMetadata metadata) {
        return metadata != null ? metadata.getPhoneNumberId() : null;
    }

    private static void putIfNotNull(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
