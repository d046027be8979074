package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request that is not correctly signed JSON is refused with the right status and never routed; refusals are
 * logged once per reason and interval; several verify tokens are valid while a key is rotated.
 */
class WebhookSecurityTest extends WebhookTestSupport {

    private static final String PATH = "/waapi/webhook";
    private static final byte[] BODY = payload("reference-text.json");
    private static final String SIGNATURE = WebhookSignature.sign(BODY, TOKEN);

    @Test
    void theSignatureTestVectorVerifies() {
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertThat(WebhookSignature.sign(hello, TOKEN)).isEqualTo(expected);
        assertThat(WebhookSignature.sign("Hello, World!", TOKEN)).isEqualTo(expected);
        assertThat(WebhookSignature.verify(hello, expected, TOKEN)).isTrue();
        assertThat(WebhookSignature.verify(hello, expected, TOKEN + "!")).isFalse();
        assertThat(WebhookSignature.isWellFormed(expected)).isTrue();
        String hex = expected.substring(WebhookSignature.PREFIX.length());
        for (String malformed : new String[] {
                "", "sha256=", expected + "0", expected.substring(0, expected.length() - 1), "SHA256=" + hex,
                "sha1=0" + hex, WebhookSignature.PREFIX + "zz" + hex.substring(2),
                WebhookSignature.PREFIX + hex.substring(0, hex.length() - 1) + "g" }) {
            assertThat(WebhookSignature.isWellFormed(malformed)).as(malformed).isFalse();
            assertThat(WebhookSignature.verify(hello, malformed, TOKEN)).as(malformed).isFalse();
        }
        assertThat(WebhookSignature.isWellFormed(null)).isFalse();
        assertThat(WebhookSignature.verify(hello, null, TOKEN)).isFalse();
        assertThat(WebhookSignature.verify(null, expected, TOKEN)).isFalse();
        assertThat(WebhookSignature.verify(hello, expected, "")).isFalse();
        assertThat(WebhookSignature.verify(hello, expected, null)).isFalse();
        // over HTTP the vector passes verification and is then refused as not JSON (400, not 401)
        HttpResponse<String> response = post(PATH, hello, WebhookSignature.HEADER, expected);
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aCorrectlySignedDeliveryIsRouted() {
        assertThat(post(PATH, BODY, WebhookSignature.HEADER, SIGNATURE).statusCode()).isEqualTo(200);
        assertThat(received("events")).hasSize(1);
    }

    static Stream<Arguments> badRequests() throws Exception {
        String hex = SIGNATURE.substring(WebhookSignature.PREFIX.length());
        byte[] compact = new ObjectMapper().writeValueAsBytes(new ObjectMapper().readTree(BODY));
        byte[] escaped = payload("unicode-escaped.json");
        byte[] unescaped = new String(escaped, StandardCharsets.UTF_8).replace("\\u00e9", "\u00e9").replace("\\u2615", "\u2615")
                .getBytes(StandardCharsets.UTF_8);
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        byte[] oversize = new byte[(int) MAX_BODY_SIZE + 1];
        Arrays.fill(oversize, (byte) ' ');
        System.arraycopy(BODY, 0, oversize, 0, BODY.length);
        Mac sha1 = Mac.getInstance("HmacSHA1");
        sha1.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String sha1Signature = "sha1=" + HexFormat.of().formatHex(sha1.doFinal(BODY));
        byte[] otherBody = payload("reference-image.json");
        return Stream.of(
                Arguments.of("no signature header", BODY, null, 401),
                Arguments.of("empty signature header", BODY, "", 401),
                Arguments.of("sha256= only", BODY, "sha256=", 401),
                Arguments.of("sha1= prefix", BODY, sha1Signature, 401),
                Arguments.of("no prefix", BODY, hex, 401),
                Arguments.of("upper-case prefix", BODY, "SHA256=" + hex, 401),
                Arguments.of("truncated hex", BODY, SIGNATURE.substring(0, SIGNATURE.length() - 1), 401),
                Arguments.of("over-long hex", BODY, SIGNATURE + "0", 401),
                Arguments.of("non-hex", BODY, WebhookSignature.PREFIX + "zz" + hex.substring(2), 401),
                Arguments.of("right signature over another body", otherBody, SIGNATURE, 401),
                Arguments.of("body re-serialized, whitespace changed", compact, SIGNATURE, 401),
                Arguments.of("body re-serialized, unicode un-escaped", unescaped, WebhookSignature.sign(escaped, TOKEN), 401),
                Arguments.of("one byte of the body changed", changeOneByte(BODY), SIGNATURE, 401),
                Arguments.of("right body, wrong secret", BODY, WebhookSignature.sign(BODY, "another secret"), 401),
                Arguments.of("oversize body", oversize, WebhookSignature.sign(oversize, TOKEN), 413),
                Arguments.of("invalid JSON, valid signature", hello, WebhookSignature.sign(hello, TOKEN), 400),
                Arguments.of("truncated JSON, valid signature", Arrays.copyOf(BODY, 40),
                        WebhookSignature.sign(Arrays.copyOf(BODY, 40), TOKEN), 400),
                Arguments.of("two JSON documents, valid signature", concat(BODY, BODY),
                        WebhookSignature.sign(concat(BODY, BODY), TOKEN), 400),
                Arguments.of("empty body, valid signature", new byte[0], WebhookSignature.sign(new byte[0], TOKEN), 400),
                Arguments.of("form content type", BODY, SIGNATURE, 415));
    }

    private static byte[] changeOneByte(byte[] body) {
        byte[] changed = body.clone();
        int at = new String(body, StandardCharsets.UTF_8).indexOf("shipped");
        changed[at] = 'S';
        return changed;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badRequests")
    void badRequestIsRefusedAndNotRouted(String description, byte[] body, String signature, int expectedStatus) {
        String contentType = description.startsWith("form") ? "application/x-www-form-urlencoded" : "application/json";
        if (expectedStatus == 413) {
            // refused from its Content-Length: the body is never read, so the answer comes while it is still being sent
            RawResponse response = postRaw(PATH, body, WebhookSignature.HEADER, signature);
            assertThat(response.statusCode()).as(description + ": " + response.body()).isEqualTo(expectedStatus);
            assertThat(response.headers().get("content-type")).startsWith("application/json");
            assertThat(response.body()).contains("\"error\"").doesNotContain(TOKEN);
            assertThat(received("events")).as(description).isEmpty();
            return;
        }
        HttpResponse<String> response = signature == null
                ? post(PATH, body, "X-WAAPI-Delivery", newDeliveryId())
                : post(PATH, body, WebhookSignature.HEADER, signature, "X-WAAPI-Delivery", newDeliveryId(),
                        "Content-Type", contentType);
        assertThat(response.statusCode()).as(description + ": " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\"").doesNotContain(TOKEN);
        assertThat(received("events")).as(description).isEmpty();
    }

    @Test
    void eachRefusedDeliveryIsLoggedWithItsReasonWithoutTheTokenOrTheBody() throws Exception {
        byte[] marked = new String(BODY, StandardCharsets.UTF_8).replace("Hi, is the order shipped?", "MARKER-4711")
                .getBytes(StandardCharsets.UTF_8);
        String mismatch = StandardErrorCapture.capture(
                () -> assertThat(post("/waapi/logged", marked, WebhookSignature.HEADER, SIGNATURE).statusCode())
                        .isEqualTo(401));
        assertThat(refusalLines(mismatch, "/waapi/logged")).singleElement().asString()
                .contains("X-Hub-Signature-256 does not match the body (answered 401)");

        String malformed = StandardErrorCapture.capture(() -> assertThat(
                post("/waapi/logged", marked, WebhookSignature.HEADER, "sha256=" + TOKEN).statusCode()).isEqualTo(401));
        assertThat(refusalLines(malformed, "/waapi/logged")).singleElement().asString()
                .contains("X-Hub-Signature-256 malformed (not sha256= and 64 hex digits) (answered 401)");

        for (String log : List.of(mismatch, malformed)) {
            assertThat(log).doesNotContain("MARKER-4711").doesNotContain(TOKEN).doesNotContain(SIGNATURE);
        }
    }

    @Test
    void refusalsAreLoggedOncePerReasonNotOncePerRequest() throws Exception {
        String wrong = WebhookSignature.sign(BODY, "not the token");
        String mismatches = StandardErrorCapture.capture(() -> {
            for (int i = 0; i < 25; i++) {
                assertThat(post("/waapi/flooded", BODY, WebhookSignature.HEADER, wrong).statusCode()).isEqualTo(401);
            }
        });
        assertThat(refusalLines(mismatches, "/waapi/flooded")).singleElement().asString()
                .contains("X-Hub-Signature-256 does not match the body");

        String missing = StandardErrorCapture.capture(() -> {
            for (int i = 0; i < 25; i++) {
                assertThat(post("/waapi/flooded", BODY).statusCode()).isEqualTo(401);
            }
        });
        assertThat(refusalLines(missing, "/waapi/flooded")).singleElement().asString()
                .contains("X-Hub-Signature-256 missing");

        assertThat(mismatches + missing).doesNotContain(wrong).doesNotContain(TOKEN)
                .doesNotContain("Hi, is the order shipped?");
        assertThat(received("flooded")).isEmpty();

        // what was counted but not logged yet is logged when the route stops
        String atStop = StandardErrorCapture.capture(() -> context.getRouteController().stopRoute("flooded"));
        context.getRouteController().startRoute("flooded");
        assertThat(refusalLines(atStop, "/waapi/flooded")).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("refused 24 request(s) since the last report: "
                                                              + "X-Hub-Signature-256 does not match the body (answered 401)"))
                .anySatisfy(line -> assertThat(line).contains("refused 24 request(s) since the last report: "
                                                              + "X-Hub-Signature-256 missing (answered 401)"));
    }

    /** The refusal lines the consumer on this path logged. */
    private static List<String> refusalLines(String log, String path) {
        return log.lines().filter(line -> line.contains("waapi:webhook on " + path + " refused")).toList();
    }

    @Test
    void whileAKeyIsRotatedTheDeliveriesOfTheOldAndTheNewTokenAreBothRouted() {
        byte[] image = payload("reference-image.json");
        assertThat(post("/waapi/rotated", BODY, WebhookSignature.HEADER, WebhookSignature.sign(BODY, TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(post("/waapi/rotated", image, WebhookSignature.HEADER, WebhookSignature.sign(image, NEW_TOKEN))
                .statusCode()).isEqualTo(200);
        assertThat(post("/waapi/rotated", image, WebhookSignature.HEADER,
                WebhookSignature.sign(image, TOKEN + "," + NEW_TOKEN)).statusCode()).isEqualTo(401);
        assertThat(post("/waapi/rotated", image, WebhookSignature.HEADER, WebhookSignature.sign(image, "a third token"))
                .statusCode()).isEqualTo(401);
        assertThat(received("rotated")).hasSize(2);
    }

    @Test
    void aBodyOfExactlyMaxBodySizeIsAccepted() {
        byte[] padded = new byte[(int) MAX_BODY_SIZE];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(BODY, 0, padded, 0, BODY.length);
        assertThat(post(PATH, padded, WebhookSignature.HEADER, WebhookSignature.sign(padded, TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(received("events")).hasSize(1);
    }

    @Test
    void withVerificationOffUnsignedDeliveriesAreRouted() {
        assertThat(post("/waapi/unsigned", BODY).statusCode()).isEqualTo(200);
        assertThat(received("unsigned")).hasSize(1);
        byte[] notJson = "nope".getBytes(StandardCharsets.UTF_8);
        assertThat(post("/waapi/unsigned", notJson).statusCode()).isEqualTo(400);
        assertThat(received("unsigned")).hasSize(1);
    }

    @Test
    void aChunkedBodyOverMaxBodySizeIsAnswered413AsSoonAsItCrossesTheLimit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Transfer-Encoding: chunked\r\n" + WebhookSignature.HEADER + ": "
                       + WebhookSignature.sign(BODY, TOKEN) + "\r\n\r\n" + Long.toHexString(MAX_BODY_SIZE + 1) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[(int) MAX_BODY_SIZE + 1]);
            out.flush();
            // the body has not ended: the answer does not wait for it
            assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
        assertThat(received("events")).isEmpty();
    }

    @Test
    void aBodyRefusedFromItsHeadersIsDiscardedUpToTheSwallowLimitThenTheConnectionIsClosed() throws Exception {
        long length = VertxRequestBody.SWALLOW_LIMIT + 1;
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + length + "\r\n" + WebhookSignature.HEADER + ": "
                       + WebhookSignature.sign(BODY, TOKEN) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            try {
                out.write(new byte[(int) length]);
                out.flush();
            } catch (IOException closedWhileWriting) {
                // closed before all of it was written
            }
            try {
                while (in.read() >= 0) {
                    // the rest of the answer
                }
            } catch (SocketException reset) {
                // closed with data unread
            }
        }
        assertThat(received("events")).isEmpty();
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
