package com.easycrm4u.camel.waapi.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every URI path of the {@code waapi:} component, the producer operations in the order of the API reference, then the
 * webhook consumer. This is the one list of them: {@code WaapiEndpoint}'s {@code operation} path parameter has this
 * type, so Camel's tooling writes these values into the component metadata (and from there the catalog, the docs'
 * tables and IDE completion); each producer operation has its handler here; the docs are tested against it.
 */
public enum WaapiOperations {

    PING("ping"),
    CLOUD_TEXT("cloud/text"),
    CLOUD_TEMPLATE("cloud/template"),
    CLOUD_IMAGE("cloud/image"),
    CLOUD_VIDEO("cloud/video"),
    CLOUD_AUDIO("cloud/audio"),
    CLOUD_STICKER("cloud/sticker"),
    CLOUD_DOCUMENT("cloud/document"),
    CLOUD_SEND("cloud/send"),
    CONTACTS_UPDATE("contacts/update"),
    CONTACTS_UPSERT("contacts/upsert"),
    QR_TEXT("qr/text"),
    QR_IMAGE("qr/image"),
    QR_VIDEO("qr/video"),
    QR_AUDIO("qr/audio"),
    QR_DOCUMENT("qr/document"),
    QR_LOCATION("qr/location"),
    QR_SESSIONS("qr/sessions"),
    /** The webhook consumer, {@code from("waapi:webhook")}: the only URI that is not a producer. */
    WEBHOOK("webhook");

    private static final Map<String, WaapiOperations> BY_URI = byUri();
    private static final Map<WaapiOperations, WaapiOperation> HANDLERS = handlers();

    private final String uri;

    WaapiOperations(String uri) {
        this.uri = uri;
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
    public WaapiOperation handler() {
        return HANDLERS.get(this);
    }

    /** The operation of a URI path such as {@code cloud/text}, or null when there is none. */
    public static WaapiOperations fromUri(String uri) {
        return BY_URI.get(uri);
    }

    /** Every producer URI path, in the order of the API reference. */
    public static List<String> producerUris() {
        List<String> uris = new ArrayList<>();
        for (WaapiOperations operation : values()) {
            if (operation.isProducer()) {
                uris.add(operation.uri);
            }
        }
        return uris;
    }

    private static Map<String, WaapiOperations> byUri() {
        Map<String, WaapiOperations> operations = new HashMap<>();
        for (WaapiOperations operation : values()) {
            operations.put(operation.uri, operation);
        }
        return Collections.unmodifiableMap(operations);
    }

    private static Map<WaapiOperations, WaapiOperation> handlers() {
        Map<WaapiOperations, WaapiOperation> handlers = new EnumMap<>(WaapiOperations.class);
        for (WaapiOperations operation : values()) {
            if (operation.isProducer()) {
                handlers.put(operation, newHandler(operation));
            }
        }
        return Collections.unmodifiableMap(handlers);
    }

    // a switch without default: a constant added above without its handler here does not compile
    private static WaapiOperation newHandler(WaapiOperations operation) {
        String uri = operation.uri;
        return switch (operation) {
            case PING -> new PingOperation(uri);
            case CLOUD_TEXT -> new CloudTextOperation(uri);
            case CLOUD_TEMPLATE -> new CloudTemplateOperation(uri);
            case CLOUD_IMAGE, CLOUD_VIDEO, CLOUD_AUDIO, CLOUD_STICKER, CLOUD_DOCUMENT -> new CloudMediaOperation(uri);
            case CLOUD_SEND -> new CloudSendOperation(uri);
            case CONTACTS_UPDATE -> new ContactsUpdateOperation(uri);
            case CONTACTS_UPSERT -> new ContactsUpsertOperation(uri);
            case QR_TEXT -> new QrTextOperation(uri);
            case QR_IMAGE, QR_VIDEO, QR_AUDIO, QR_DOCUMENT -> new QrMediaOperation(uri);
            case QR_LOCATION -> new QrLocationOperation(uri);
            case QR_SESSIONS -> new QrSessionsOperation(uri);
            case WEBHOOK -> throw new IllegalArgumentException("waapi:webhook is the webhook consumer and has no producer");
        };
    }
}
