package com.easycrm4u.camel.waapi.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature-256} of WAAPI webhooks: {@code sha256=} and the lower-case hex HMAC-SHA256 of the raw
 * request body, keyed with the API key's webhook verify token. Use {@link #sign} to sign test deliveries the way WAAPI
 * does, and {@link #verify} to check one in constant time.
 */
public final class WebhookSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "X-Hub-Signature-256";
    /** The prefix of the header value. */
    public static final String PREFIX = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_LENGTH = 64;
    /**
     * An HMAC per thread and token, kept: {@code Mac.getInstance} and {@code init} cost more than the HMAC of a
     * delivery. Only JDK classes are held, so no class loader is kept alive by it.
     */
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);
    /** Tokens per thread before the kept HMACs are dropped: more than a rotation needs. */
    private static final int MACS_PER_THREAD = 4;

    private WebhookSignature() {
    }

    /** The header value for the body signed with the verify token, e.g. {@code sha256=7571...}. */
    public static String sign(byte[] body, String verifyToken) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, verifyToken));
    }

    /** {@link #sign(byte[], String)} of the UTF-8 bytes of the body. */
    public static String sign(String body, String verifyToken) {
        return sign(body.getBytes(StandardCharsets.UTF_8), verifyToken);
    }

    /**
     * Whether the header value is the signature of exactly these bytes with this token. A missing, empty or malformed
     * value (other prefix, wrong length, not hex) is simply not valid; the comparison takes the same time wherever the
     * two signatures differ.
     */
    public static boolean verify(byte[] body, String headerValue, String verifyToken) {
        if (headerValue == null || body == null || verifyToken == null || verifyToken.isEmpty()
                || headerValue.length() != PREFIX.length() + HEX_LENGTH || !headerValue.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(headerValue, PREFIX.length(), headerValue.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, verifyToken), given);
    }

    /**
     * Whether the header value is the signature of these bytes under any of the tokens: while a key is rotated, the
     * deliveries of the old and the new key are both valid. Every token is tried, so the time taken does not tell which
     * one matched.
     */
    public static boolean verifyAny(byte[] body, String headerValue, List<String> verifyTokens) {
        boolean valid = false;
        for (String token : verifyTokens) {
            valid |= verify(body, headerValue, token);
        }
        return valid;
    }

    /** Whether the header value has the form of a signature ({@code sha256=} and 64 hex digits), whatever it signs. */
    public static boolean isWellFormed(String headerValue) {
        if (headerValue == null || headerValue.length() != PREFIX.length() + HEX_LENGTH || !headerValue.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < headerValue.length(); i++) {
            if (Character.digit(headerValue.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmac(byte[] body, String verifyToken) {
        if (verifyToken == null || verifyToken.isEmpty()) {
            throw new IllegalArgumentException("a webhook verify token is required to sign");
        }
        Map<String, Mac> macs = MACS.get();
        Mac mac = macs.get(verifyToken);
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(verifyToken.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
            if (macs.size() >= MACS_PER_THREAD) {
                macs.clear();
            }
            macs.put(verifyToken, mac);
        }
        // doFinal leaves the Mac as init left it, ready for the next body
        return mac.doFinal(body);
    }
}
