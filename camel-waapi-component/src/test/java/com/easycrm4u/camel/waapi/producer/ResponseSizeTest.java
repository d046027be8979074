package com.easycrm4u.camel.waapi.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import com.easycrm4u.camel.waapi.internal.WaapiFailures;
import com.easycrm4u.camel.waapi.model.SendResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Answers are read up to maxResponseSize (1 MiB by default): a server streaming without end fails the call with an
 * exception that says so, the rest is not read, and what the exception keeps of the body is cut short. The same on both
 * transports: Vert.x's (the default) and a {@code java.net.http.HttpClient} of the user's ({@code httpClient}).
 */
class ResponseSizeTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");
    private static final long STREAMED = 256L * 1024 * 1024;
    private static final String SENT = "{\"success\": true, \"data\": {\"messageId\": \"wamid.M\", \"status\": \"sent\"}}";
    private static final int CAP = 200_000;

    @ParameterizedTest(name = "{0}, chunked {1}")
    @CsvSource({ "vertx, false", "vertx, true", "jdk, false", "jdk, true" })
    void anAnswerOfExactlyMaxResponseSizeIsReadWhole(String transport, boolean chunked) throws Exception {
        useTransport(transport);
        try (RawServer server = RawServer.start(socket -> answer(socket, paddedTo(CAP), chunked))) {
            Exchange exchange = send("waapi:cloud/text?maxResponseSize=" + CAP + "&baseUrl=http://127.0.0.1:"
                                     + server.port() + BASE_PATH,
                    TEXT);

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(SendResult.class).getMessageId()).isEqualTo("wamid.M");
        }
    }

    @ParameterizedTest(name = "{0}, chunked {1}")
    @CsvSource({ "vertx, false", "vertx, true", "jdk, false", "jdk, true" })
    void anAnswerOneByteOverMaxResponseSizeIsRefused(String transport, boolean chunked) throws Exception {
        useTransport(transport);
        try (RawServer server = RawServer.start(socket -> answer(socket, paddedTo(CAP + 1), chunked))) {
            Exchange exchange = send("waapi:cloud/text?maxResponseSize=" + CAP + "&baseUrl=http://127.0.0.1:"
                                     + server.port() + BASE_PATH,
                    TEXT);

            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("HTTP 200").hasMessageContaining("larger than maxResponseSize");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "vertx", "jdk" })
    void anAnswerWithAnUnreadableContentLengthLeavesTheOutcomeUnknown(String transport) throws Exception {
        useTransport(transport);
        try (RawServer server = RawServer.start(socket -> {
            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n"
                                            + SENT)
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.close();
        })) {
            Exchange exchange = send("waapi:cloud/text?baseUrl=http://127.0.0.1:" + server.port() + BASE_PATH, TEXT);

            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("12abc");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "vertx", "jdk" })
    void aChunkedErrorStreamOverTheCapIsCutThereAndItsConnectionClosed(String transport) throws Exception {
        useTransport(transport);
        CountDownLatch closedByClient = new CountDownLatch(1);
        try (RawServer endless = streamingUntilClosed(503, null, closedByClient)) {
            Exchange exchange = send("waapi:cloud/text?maxResponseSize=" + CAP + "&baseUrl=http://127.0.0.1:"
                                     + endless.port() + BASE_PATH,
                    TEXT);

            // its start is not the API's own error: a proxy's answer, which leaves the outcome unknown
            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("HTTP 503").hasMessageContaining("larger than maxResponseSize");
            assertThat(exchange.getException(WaapiException.class).getResponseBody()).startsWith("[    ");
            await().untilAsserted(() -> assertThat(closedByClient.getCount())
                    .as("the connection is closed, the rest is not read").isZero());
        }
    }

    @Test
    void aServerStreamingFarMoreThanTheCapIsCutOffAtTheDefaultCap() throws Exception {
        AtomicLong written = new AtomicLong();
        try (RawServer endless = RawServer.start(socket -> stream(socket, 200, null, written))) {
            Exchange exchange = send("waapi:cloud/text?baseUrl=http://127.0.0.1:" + endless.port() + BASE_PATH, TEXT);

            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("larger than maxResponseSize").hasMessageContaining("not read");
            WaapiException e = exchange.getException(WaapiException.class);
            assertThat(e.isRetryable()).as("a 2xx: the message may be out").isFalse();
            assertThat(e.getResponseBody().length()).isLessThan(WaapiFailures.MAX_KEPT_BODY + 100);
            assertThat(written.get()).as("the server could not write the rest").isLessThan(STREAMED / 4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "vertx", "jdk" })
    void aDeclaredLengthOverTheCapIsNotReadAtAll(String transport) throws Exception {
        useTransport(transport);
        CountDownLatch closedByClient = new CountDownLatch(1);
        try (RawServer huge = streamingUntilClosed(500, STREAMED, closedByClient)) {
            Exchange exchange = send("waapi:cloud/text?baseUrl=http://127.0.0.1:" + huge.port() + BASE_PATH
                                     + "&maxResponseSize=65536",
                    TEXT);

            // nothing of it was read, so nothing says it is the API's own error
            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                    .hasMessageContaining("HTTP 500").hasMessageContaining("larger than maxResponseSize");
            assertThat(exchange.getException(WaapiException.class).getResponseBody()).isEmpty();
            await().untilAsserted(() -> assertThat(closedByClient.getCount())
                    .as("the connection is closed, the body is not read").isZero());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "vertx", "jdk" })
    void anErrorAnswerOverASmallCapKeepsItsStatus(String transport) {
        useTransport(transport);
        char[] filler = new char[5000];
        Arrays.fill(filler, 'x');
        stub(post(anyUrl()), 503, "{\"success\": false, \"message\": \"" + new String(filler) + "\"}");

        Exchange exchange = send("waapi:cloud/text?maxResponseSize=1024", TEXT);

        assertThat(exchange.getException()).isExactlyInstanceOf(WaapiServerException.class)
                .hasMessageContaining("larger than maxResponseSize");
        WaapiException e = exchange.getException(WaapiException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getResponseBody()).hasSize(1024);
    }

    @Test
    void anErrorBodyUnderTheCapIsKeptCutShort() {
        char[] filler = new char[20_000];
        Arrays.fill(filler, 'y');
        String body = "{\"success\": false, \"error\": \"" + new String(filler) + "\"}";
        stub(post(anyUrl()), 400, body);

        Exchange exchange = send("waapi:cloud/text", TEXT);

        WaapiException e = exchange.getException(WaapiException.class);
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getResponseBody()).startsWith(body.substring(0, WaapiFailures.MAX_KEPT_BODY)).contains("cut");
        assertThat(e.getResponseBody().length()).isLessThan(WaapiFailures.MAX_KEPT_BODY + 100);
        assertThat(e.getMessage().length()).isLessThan(2 * WaapiFailures.MAX_KEPT_BODY + 500);
    }

    private void useTransport(String transport) {
        if ("jdk".equals(transport)) {
            context.getComponent("waapi", WaapiComponent.class).setHttpClient(HttpClient.newHttpClient());
        }
    }

    /** A send result padded with spaces to {@code size} bytes. */
    private static byte[] paddedTo(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] json = SENT.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, 0, json.length);
        return body;
    }

    /** Answers 200 with the body, with a Content-Length or in chunks of 64 KiB. */
    private static void answer(Socket socket, byte[] body, boolean chunked) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                   + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        if (!chunked) {
            out.write(body);
        } else {
            for (int from = 0; from < body.length; from += 64 * 1024) {
                int length = Math.min(64 * 1024, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, from, length);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    /** A server that streams an answer (see {@link #stream}) and counts down closedByClient when the client leaves. */
    private static RawServer streamingUntilClosed(int status, Long contentLength, CountDownLatch closedByClient)
            throws IOException {
        AtomicLong written = new AtomicLong();
        return RawServer.start(socket -> {
            try {
                stream(socket, status, contentLength, written);
            } catch (IOException closed) {
                closedByClient.countDown();
            }
        });
    }

    /**
     * Answers with a JSON-looking body of STREAMED bytes, chunked or with a Content-Length, until the client leaves.
     */
    private static void stream(Socket socket, int status, Long contentLength, AtomicLong written) throws IOException {
        OutputStream out = socket.getOutputStream();
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n"
                      + (contentLength != null ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked")
                      + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '[';
        byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        while (written.get() < STREAMED) {
            if (contentLength == null) {
                out.write(chunkHead);
            }
            out.write(chunk);
            if (contentLength == null) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            written.addAndGet(chunk.length);
        }
    }
}
