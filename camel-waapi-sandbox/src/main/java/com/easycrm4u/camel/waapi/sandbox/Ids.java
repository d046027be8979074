package com.easycrm4u.camel.waapi.sandbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Ids shaped like the real ones. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A WhatsApp Cloud message id, e.g. {@code wamid.HBgM...}. */
    static String wamid() {
        return "wamid.HBgM" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
    }

    /** A 24-hex-digit database id, e.g. {@code 6a2dbff6...}. */
    static String objectId() {
        return HexFormat.of().formatHex(bytes(12));
    }

    /** A QR (linked device) message id, e.g. {@code BAE5...}. */
    static String qrMessageId() {
        return "BAE5" + HexFormat.of().withUpperCase().formatHex(bytes(6));
    }

    /** A Meta media id: 16 digits. */
    static String mediaId() {
        return (1 + RANDOM.nextInt(9)) + String.format("%015d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000_000L));
    }

    /** The base64 SHA-256 of a media file, as Meta reports it. */
    static String sha256() {
        return Base64.getEncoder().encodeToString(bytes(32));
    }

    /** A Meta conversation id: 32 hex digits. */
    static String conversationId() {
        return HexFormat.of().formatHex(bytes(16));
    }

    /** A webhook delivery id. */
    static String deliveryId() {
        return UUID.randomUUID().toString();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
