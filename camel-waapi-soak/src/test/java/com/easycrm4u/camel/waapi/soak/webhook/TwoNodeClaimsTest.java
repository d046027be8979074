package com.easycrm4u.camel.waapi.soak.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Processor;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two receivers behind a load balancer sharing camel-hazelcast's IdempotentRepository (two embedded members over
 * loopback TCP): a duplicate of a delivery in flight on one node that lands on the other is not acknowledged before the
 * first attempt has its outcome, and the claim of a node that dies mid-delivery expires after claimExpiry.
 */
class TwoNodeClaimsTest {

    private static final String TOKEN = "two-node-token";
    private static final long CLAIM_EXPIRY_MILLIS = 1_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ConcurrentHashMap<String, AtomicInteger> ROUTED = new ConcurrentHashMap<>();
    /** What node A's route does with each event; tests replace it. */
    private static volatile Processor nodeAWork = exchange -> {
    };

    private static HazelcastMembers hazelcast;
    private static WebhookNode nodeA;
    private static WebhookNode nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        hazelcast = new HazelcastMembers(2);
        nodeA = new WebhookNode(
                TOKEN, new HazelcastIdempotentRepository(hazelcast.member(0), "waapi-webhook"),
                CLAIM_EXPIRY_MILLIS, exchange -> nodeAWork.process(exchange), ROUTED);
        nodeB = new WebhookNode(
                TOKEN, new HazelcastIdempotentRepository(hazelcast.member(1), "waapi-webhook"),
                CLAIM_EXPIRY_MILLIS, exchange -> {
                }, ROUTED);
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
        hazelcast.close();
    }

    private static SoakDeliveries.Delivery delivery(long seed) {
        // one delivery of its own per test: its events have ids no other test sends
        return SoakDeliveries.create(3, seed, TOKEN).get(0);
    }

    private static HttpResponse<String> post(URI node, SoakDeliveries.Delivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(node).timeout(Duration.ofSeconds(30))
                .header("X-Hub-Signature-256", delivery.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int routed(List<String> keys) {
        return keys.stream().mapToInt(key -> ROUTED.getOrDefault(key, new AtomicInteger()).get()).sum();
    }

    @Test
    void aDuplicateOnTheOtherNodeIsNotAcknowledgedWhileTheFirstAttemptIsInFlight() throws Exception {
        SoakDeliveries.Delivery delivery = delivery(1);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        nodeAWork = exchange -> {
            entered.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        };
        try {
            CompletableFuture<HttpResponse<String>> first
                    = CompletableFuture.supplyAsync(() -> post(nodeA.webhook(), delivery));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> duplicate = post(nodeB.webhook(), delivery);
            assertThat(duplicate.statusCode()).isEqualTo(503);
            assertThat(duplicate.headers().firstValue("Retry-After")).isPresent();
            assertThat(first).isNotDone();

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(post(nodeB.webhook(), delivery).statusCode()).isEqualTo(200);
            assertThat(routed(delivery.eventKeys())).isEqualTo(delivery.eventKeys().size());
        } finally {
            release.countDown();
            nodeAWork = exchange -> {
            };
        }
    }

    @Test
    void theClaimOfANodeThatDiedMidDeliveryExpiresAndTheRetryIsRoutedOnTheOther() throws Exception {
        SoakDeliveries.Delivery delivery = delivery(2);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // node A takes the first event and never finishes it: it "died" with its claim in the shared map
        nodeAWork = exchange -> {
            entered.countDown();
            assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            throw new IllegalStateException("this node died");
        };
        try {
            CompletableFuture<HttpResponse<String>> dying
                    = CompletableFuture.supplyAsync(() -> post(nodeA.webhook(), delivery));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(post(nodeB.webhook(), delivery).statusCode()).isEqualTo(503);
            // WAAPI's retries land on node B; once the claim expired (1 to 2 claimExpiry), B routes the delivery
            await().atMost(15, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                    .until(() -> post(nodeB.webhook(), delivery).statusCode() == 200);
            assertThat(routed(delivery.eventKeys())).isEqualTo(delivery.eventKeys().size());
            release.countDown();
            assertThat(dying.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        } finally {
            release.countDown();
            nodeAWork = exchange -> {
            };
        }
        assertThat(post(nodeA.webhook(), delivery).statusCode()).isEqualTo(200);
        assertThat(routed(delivery.eventKeys())).isEqualTo(delivery.eventKeys().size());
    }
}
