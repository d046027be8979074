package com.easycrm4u.camel.waapi.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Reads the exact request bytes the signature is checked over, never more than maxBodySize + 1 of them, from whatever
 * the HTTP host hands over: bytes, a stream, decoded text, or (Vert.x, Camel Main and Quarkus, with the host's body
 * handler off) the paused request itself, which is then read here chunk by chunk.
 */
public final class WebhookBodyReader {

    /** How long a sender may take to send the body once its headers are in. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static final String VERTX_REQUEST = "io.vertx.core.http.HttpServerRequest";

    /** The body as read: its bytes, or the refusal that ended the reading (too large, too slow). */
    public record Body(byte[] bytes, WebhookOutcome refusal) {

        static Body of(byte[] bytes, long maxBodySize) {
            return bytes.length > maxBodySize ? new Body(null, WebhookOutcome.BODY_TOO_LARGE) : new Body(bytes, null);
        }
    }

    private WebhookBodyReader() {
    }

    public static Body read(Message request, long maxBodySize) throws IOException, InvalidPayloadException {
        Object body = request.getBody();
        long limit = Math.min(Integer.MAX_VALUE - 8L, maxBodySize + 1);
        if (body == null) {
            return Body.of(new byte[0], maxBodySize);
        }
        if (body instanceof byte[] array) {
            return Body.of(array, maxBodySize);
        }
        if (body instanceof InputStream stream) {
            try (stream) {
                return Body.of(stream.readNBytes((int) limit), maxBodySize);
            }
        }
        if (body instanceof String text) {
            return Body.of(text.getBytes(charset(request)), maxBodySize);
        }
        if (body instanceof Reader reader) {
            return Body.of(readText(reader, (int) limit).getBytes(charset(request)), maxBodySize);
        }
        if (isVertxRequest(body)) {
            return VertxRequestBody.read(body, (int) (limit - 1), READ_TIMEOUT);
        }
        return Body.of(request.getMandatoryBody(byte[].class), maxBodySize);
    }

    /**
     * After a refusal without reading the body: on a host that handed over the unread request, make sure the rest of
     * the body is not read either (the connection is closed once the answer is written).
     */
    public static void leaveUnread(Message request) {
        Object body = request.getBody();
        if (isVertxRequest(body)) {
            VertxRequestBody.closeAfterAnswer(body);
        }
    }

    // a host that decoded the body already; a text body's bytes are only exact in its charset
    private static Charset charset(Message request) {
        String charset = request.getExchange().getProperty(Exchange.CHARSET_NAME, String.class);
        return charset != null ? Charset.forName(charset) : StandardCharsets.UTF_8;
    }

    private static String readText(Reader reader, int limit) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while (text.length() < limit && (read = reader.read(buffer, 0, Math.min(buffer.length, limit - text.length()))) >= 0) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

    // by name: Vert.x is only on the classpath of the hosts that run on it
    private static boolean isVertxRequest(Object body) {
        for (Class<?> type = body != null ? body.getClass() : null; type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (VERTX_REQUEST.equals(implemented.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
