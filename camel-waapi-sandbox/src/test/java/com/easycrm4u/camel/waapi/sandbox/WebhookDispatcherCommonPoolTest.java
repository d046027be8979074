package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks go out and their answers are taken while every worker of the common pool is busy: an application that runs a
 * blocking {@code Main.run()} through {@code CompletableFuture.runAsync} must still get its webhooks. The JDK's
 * {@code HttpClient.sendAsync} hands each answer over to that pool (from Java 21 on, or whenever its parallelism is
 * above one), so a dispatcher built on it retried deliveries the receiver had answered until it gave up.
 */
class WebhookDispatcherCommonPoolTest {

    private static final String TOKEN = "pool-token";

    @Test
    void aSignedWebhookIsDeliveredWhileEveryCommonPoolWorkerIsBlocked() throws Exception {
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch running = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blockers = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver();
             WaapiSandbox sandbox = WaapiSandbox.builder()
                     .apiKey(SandboxApiKey.builder("waapi_pool").secret("secr_pool").name("Pool")
                             .webhook(receiver.url(), TOKEN).build())
                     .webhookRetries(3, Duration.ofMillis(50), Duration.ofMillis(100))
                     .webhookTimeout(Duration.ofSeconds(2))
                     .build().start()) {
            for (int i = 0; i < workers; i++) {
                blockers.add(ForkJoinPool.commonPool().submit(() -> {
                    running.countDown();
                    release.await();
                    return null;
                }));
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).as("all %d common-pool workers blocked", workers).isTrue();

            WebhookDelivery delivery = sandbox.sendTestEvent("Pool");

            await().atMost(Duration.ofSeconds(15)).until(() -> delivery.settled().isDone());
            assertThat(delivery.getState()).as("%s after %s", delivery, delivery.getAttempts())
                    .isEqualTo(WebhookDelivery.State.DELIVERED);
            assertThat(delivery.getStatusCodes()).containsExactly(200);
            assertThat(sandbox.getDeliveries("Pool")).singleElement()
                    .satisfies(recorded -> assertThat(recorded.getState()).isEqualTo(WebhookDelivery.State.DELIVERED));
            assertThat(receiver.received()).singleElement().satisfies(received -> {
                assertThat(received.header("X-WAAPI-Delivery")).isEqualTo(delivery.getDeliveryId());
                assertThat(WebhookSignature.verify(received.body(), received.header(WebhookSignature.HEADER), TOKEN))
                        .isTrue();
            });
            assertThat(blockers).noneMatch(Future::isDone);
        } finally {
            release.countDown();
        }
    }
}
