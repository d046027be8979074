package com.easycrm4u.camel.waapi.producer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiFailures;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.WaapiTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers are read up to maxResponseSize (1 MiB by default): a server streaming without end fails the call with an
 * exception that says so, the rest is not read, and what the exception keeps of the body is cut short.
 */
class ResponseSizeTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");
    private static final long STREAMED = 256L * 1024 * 1024;

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

    @Test
    void aDeclaredLengthOverTheCapIsNotReadAtAll() throws Exception {
        AtomicLong written = new AtomicLong();
        try (RawServer huge = RawServer.start(socket -> stream(socket, 500, STREAMED, written))) {
            Exchange exchange = send("waapi:cloud/text?baseUrl=http://127.0.0.1:" + huge.port() + BASE_PATH
                                     + "&maxResponseSize=65536",
                    TEXT);

            assertThat(exchange.getException()).isExactlyInstanceOf(WaapiServerException.class)
                    .hasMessageContaining("HTTP 500").hasMessageContaining("larger than maxResponseSize");
            assertThat(exchange.getException(WaapiException.class).getResponseBody()).isEmpty();
        }
    }

    @Test
    void anErrorAnswerOverASmallCapKeepsItsStatus() {
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
