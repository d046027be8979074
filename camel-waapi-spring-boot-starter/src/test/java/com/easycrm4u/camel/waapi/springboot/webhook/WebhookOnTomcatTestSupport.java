package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookPaths;
import org.apache.camel.CamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.MAX_BODY_SIZE;
import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.ROUTED;
import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook's checks on every spelling of its path that Spring MVC routes to the consumer, over real HTTP on Spring
 * Boot's Tomcat. A subclass says under which prefix (context path and servlet path) the application serves, and which
 * spellings reach the consumer.
 */
abstract class WebhookOnTomcatTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    /** A delivery signed with the verify token, with a body of its own (so it is not a duplicate). */
    static String genuineBody() {
        return "{\"object\":\"test\",\"id\":\"" + UUID.randomUUID() + "\"}";
    }

    RawHttp.Response deliver(String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(port)) {
            return http.head(path, "Content-Type: application/json", "Content-Length: " + bytes.length,
                    WebhookSignature.HEADER + ": " + WebhookSignature.sign(bytes, VERIFY_TOKEN))
                    .write(bytes).response();
        }
    }

    void assertRouted(String path) throws IOException {
        String body = genuineBody();
        RawHttp.Response response = deliver(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        String id = body.substring(body.indexOf("\"id\":\"") + 6, body.length() - 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> ROUTED.stream().anyMatch(routed -> routed.contains(id)));
    }

    long unverifiedBytesHeld() {
        return WebhookPaths.of(camelContext).find("/waapi/webhook").limits().unverifiedBytes();
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void aGenuineDeliveryIsRouted(String path) throws IOException {
        assertRouted(path);
    }

    /**
     * A chunked body with a well-formed but wrong signature that never ends: answered 413 once past maxBodySize, while
     * the sender is still sending, so the body was not read further (no spelling lets it be buffered without bound).
     */
    @ParameterizedTest
    @MethodSource("spellings")
    void anEndlessForgedBodyIsCutOffAtMaxBodySize(String path) throws Exception {
        AtomicLong sent = new AtomicLong();
        try (RawHttp http = new RawHttp(port)) {
            http.head(path, "Content-Type: application/json", "Transfer-Encoding: chunked",
                    WebhookSignature.HEADER + ": " + WebhookSignature.sign("{}", "not-the-token"));
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) ' ');
            Thread sender = new Thread(() -> {
                try {
                    // up to 64 maxBodySize, then it stops without ending the body: only an early answer ends the test
                    while (sent.get() < 64L * MAX_BODY_SIZE) {
                        http.chunk(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByTheServer) {
                    // the answer came and the connection was closed: the rest is not read
                }
            });
            sender.start();
            RawHttp.Response response = http.response();
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            sender.join(10_000);
            assertThat(sender.isAlive()).isFalse();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> unverifiedBytesHeld() == 0);
    }

    /** A malformed signature is refused from the headers, and the body is never read: the connection is closed. */
    @ParameterizedTest
    @MethodSource("spellings")
    void aMalformedSignatureIsRefusedFromTheHeaders(String path) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.head(path, "Content-Type: application/json", "Transfer-Encoding: chunked",
                    WebhookSignature.HEADER + ": sha256=not-hex").chunk(new byte[1024]);
            RawHttp.Response response = http.response();
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(http.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    /** A body that stops arriving is answered 408 once the read deadline passed, and the connection closed. */
    @ParameterizedTest
    @MethodSource("spellings")
    void aStalledBodyIsAnswered408(String path) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            long start = System.nanoTime();
            http.head(path, "Content-Type: application/json", "Content-Length: 1000",
                    WebhookSignature.HEADER + ": " + WebhookSignature.sign("{}", VERIFY_TOKEN)).write(new byte[100]);
            RawHttp.Response response = http.response();
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> unverifiedBytesHeld() == 0);
    }
}
