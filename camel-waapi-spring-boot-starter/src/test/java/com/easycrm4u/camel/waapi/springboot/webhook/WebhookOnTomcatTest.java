package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.MAX_BODY_SIZE;
import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.ROUTED;
import static com.easycrm4u.camel.waapi.springboot.webhook.WebhookApplication.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = WebhookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "camel.component.waapi.webhook-verify-token=" + VERIFY_TOKEN)
class WebhookOnTomcatTest extends WebhookOnTomcatTestSupport {

    static Stream<String> spellings() {
        return Stream.of("/waapi/webhook", "/waapi/webhook;x=1", "/waapi/webhoo%6B");
    }

    /**
     * A body that stops arriving gets the 408, not Spring MVC's 503 later; and a genuine delivery sent right after it,
     * on a new connection, is routed (not answered 400 by a request the stalled one left behind).
     */
    @RepeatedTest(5)
    void aDeliveryAfterAStalledBodyIsRouted() throws Exception {
        try (RawHttp stalled = new RawHttp(port)) {
            stalled.head("/waapi/webhook", "Content-Type: application/json", "Content-Length: 1000",
                    WebhookSignature.HEADER + ": " + WebhookSignature.sign("{}", VERIFY_TOKEN)).write(new byte[100]);
            RawHttp.Response response = stalled.response();
            assertThat(response.status()).isEqualTo(408);
            Thread.sleep(150); // as the sender did: the next delivery about 150 ms after the cut-off
            assertRouted("/waapi/webhook");
        }
    }

    /**
     * A delivery of many chunks' worth, sent in small pieces, reaches the consumer byte for byte: its signature holds
     * and it is routed.
     */
    @Test
    void aLargeDeliverySentInPiecesIsRoutedByteForByte() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = "{\"object\":\"test\",\"id\":\"" + id + "\",\"padding\":\"" + "é".repeat(20_000) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp(port)) {
            http.head("/waapi/webhook", "Content-Type: application/json; charset=UTF-8", "Content-Length: " + bytes.length,
                    WebhookSignature.HEADER + ": " + WebhookSignature.sign(bytes, VERIFY_TOKEN));
            for (int offset = 0; offset < bytes.length; offset += 1000) {
                http.write(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + 1000)));
            }
            RawHttp.Response response = http.response();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ROUTED.stream().anyMatch(routed -> routed.contains(id)));
    }

    /**
     * Bodies that declare maxBodySize and send a few bytes hold those bytes only: twenty of them, declaring five times
     * the bound of unverified bytes, do not keep a genuine delivery out.
     */
    @Test
    void declaredLengthsAreNotHeld() throws Exception {
        List<RawHttp> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                idle.add(forged(MAX_BODY_SIZE, "{\"a\":".getBytes()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> unverifiedBytesHeld() == 20 * 5);
            assertRouted("/waapi/webhook");
        } finally {
            for (RawHttp http : idle) {
                http.close();
            }
        }
    }

    /**
     * The bytes of bodies not verified yet are bounded across requests: past the bound a request is answered 503 with
     * Retry-After and its connection closed; once the held bodies are gone, deliveries are routed again.
     */
    @Test
    void unverifiedBytesAreBoundedAcrossRequests() throws Exception {
        byte[] almostMax = new byte[MAX_BODY_SIZE - 1000];
        List<RawHttp> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                holding.add(forged(MAX_BODY_SIZE, almostMax));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> unverifiedBytesHeld() == 4L * almostMax.length);
            try (RawHttp over = forged(MAX_BODY_SIZE, almostMax)) {
                RawHttp.Response response = over.response();
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isNotBlank();
                assertThat(response.header("Connection")).isEqualTo("close");
                assertThat(over.closedWithin(Duration.ofSeconds(5))).isTrue();
            }
            for (RawHttp http : holding) {
                assertThat(http.response().status()).isEqualTo(408);
            }
        } finally {
            for (RawHttp http : holding) {
                http.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> unverifiedBytesHeld() == 0);
        assertRouted("/waapi/webhook");
    }

    /** A connection to the webhook path that declared a body signed with another token and sent these bytes of it. */
    private RawHttp forged(int declaredLength, byte[] sent) throws IOException {
        return new RawHttp(port).head("/waapi/webhook", "Content-Type: application/json",
                "Content-Length: " + declaredLength,
                WebhookSignature.HEADER + ": " + WebhookSignature.sign("{}", "not-the-token")).write(sent);
    }

    /** The path Spring MVC does not route to the consumer (Spring 6 matches no trailing slash) reads no body either. */
    @Test
    void aTrailingSlashIsNotRoutedAndItsBodyNotRead() throws IOException {
        assertThat(deliver("/waapi/webhook/", genuineBody()).status()).isEqualTo(404);
    }
}
