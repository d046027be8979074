package com.easycrm4u.camel.waapi.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every URI path of the {@code waapi:} component, the producer operations in the order of the API reference, then the
 * webhook consumer. This is the one list of them: {@code WaapiEndpoint}'s {@code operation} path parameter has this
 * type, so Camel's tooling writes these values into the component metadata (and from there the catalog, the docs'
 * tables and IDE completion); each producer operation names its handler here; the docs are tested against it.
 */
public enum WaapiUriPath {

    PING("ping", PingOperation::new),
    CLOUD_TEXT("cloud/text", CloudTextOperation::new),
    CLOUD_TEMPLATE("cloud/template", CloudTemplateOperation::new),
    CLOUD_IMAGE("cloud/image", CloudMediaOperation::new),
    CLOUD_VIDEO("cloud/video", CloudMediaOperation::new),
    CLOUD_AUDIO("cloud/audio", CloudMediaOperation::new),
    CLOUD_STICKER("cloud/sticker", CloudMediaOperation::new),
    CLOUD_DOCUMENT("cloud/document", CloudMediaOperation::new),
    CLOUD_SEND("cloud/send", CloudSendOperation::new),
    CONTACTS_UPDATE("contacts/update", ContactsUpdateOperation::new),
    CONTACTS_UPSERT("contacts/upsert", ContactsUpsertOperation::new),
    QR_TEXT("qr/text", QrTextOperation::new),
    QR_IMAGE("qr/image", QrMediaOperation::new),
    QR_VIDEO("qr/video", QrMediaOperation::new),
    QR_AUDIO("qr/audio", QrMediaOperation::new),
    QR_DOCUMENT("qr/document", QrMediaOperation::new),
    QR_LOCATION("qr/location", QrLocationOperation::new),
    QR_SESSIONS("qr/sessions", QrSessionsOperation::new),
    /** The webhook consumer, {@code from("waapi:webhook")}: the only URI that is not a producer. */
    WEBHOOK("webhook", null);

    private static final Map<String, WaapiUriPath> BY_URI = byUri();

    private final String uri;
    private final OperationHandler handler;

    /** @param handler makes the handler of a producer operation from its URI path; null for the consumer */
    WaapiUriPath(String uri, Function<String, OperationHandler> handler) {
        this.uri = uri;
        this.handler = handler == null ? null : handler.apply(uri);
    }

    /** The URI path, e.g. {@code cloud/text}. */
    public String uri() {
        return uri;
    }

    /** The URI path: what Camel's tooling lists as the values of the {@code operation} path parameter. */
    @Override
    public String toString() {
        return uri;
    }

    /** Whether this is a producer operation, an API call; only {@link #WEBHOOK} is not. */
    public boolean isProducer() {
        return this != WEBHOOK;
    }

    /** The handler of a producer operation; null for {@link #WEBHOOK}. */
    public OperationHandler handler() {
        return handler;
    }

    /** The operation of a URI path such as {@code cloud/text}, or null when there is none. */
    public static WaapiUriPath fromUri(String uri) {
        return BY_URI.get(uri);
    }

    /** Every producer URI path, in the order of the API reference. */
    public static List<String> producerUris() {
        List<String> uris = new ArrayList<>();
        for (WaapiUriPath operation : values()) {
            if (operation.isProducer()) {
                uris.add(operation.uri);
            }
        }
        return uris;
    }

    private static Map<String, WaapiUriPath> byUri() {
        Map<String, WaapiUriPath> operations = new HashMap<>();
        for (WaapiUriPath operation : values()) {
            operations.put(operation.uri, operation);
        }
        return Collections.unmodifiableMap(operations);
    }
}
