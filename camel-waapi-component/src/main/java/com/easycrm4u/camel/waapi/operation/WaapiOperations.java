package com.easycrm4u.camel.waapi.operation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The producer operations by URI path.
 */
public final class WaapiOperations {

    private static final Map<String, WaapiOperation> BY_URI;

    static {
        Map<String, WaapiOperation> operations = new LinkedHashMap<>();
        for (WaapiOperation operation : new WaapiOperation[] {
                new PingOperation(),
                new CloudTextOperation(),
                new CloudTemplateOperation(),
                new CloudMediaOperation("image"),
                new CloudMediaOperation("video"),
                new CloudMediaOperation("audio"),
                new CloudMediaOperation("sticker"),
                new CloudMediaOperation("document"),
                new CloudSendOperation(),
                new ContactsUpdateOperation(),
                new ContactsUpsertOperation(),
                new QrTextOperation(),
                new QrMediaOperation("image"),
                new QrMediaOperation("video"),
                new QrMediaOperation("audio"),
                new QrMediaOperation("document"),
                new QrLocationOperation(),
                new QrSessionsOperation() }) {
            operations.put(operation.uri(), operation);
        }
        BY_URI = Collections.unmodifiableMap(operations);
    }

    private WaapiOperations() {
    }

    /** The operation of a URI path such as {@code cloud/text}, or null. */
    public static WaapiOperation find(String uri) {
        return BY_URI.get(uri);
    }

    /** Every producer URI path, in the order of the API reference. */
    public static Set<String> uris() {
        return BY_URI.keySet();
    }
}
