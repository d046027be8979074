package com.easycrm4u.camel.waapi.soak.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends deliveries the way WAAPI does: any 2xx acknowledges; 5xx, 408, 429, timeouts and failed connections are sent
 * again with exponential backoff (here in milliseconds, not WAAPI's minutes, with jitter); any other answer is final.
 * Behind it, a round-robin load balancer over the nodes still alive.
 */
final class WaapiSender {

    private static final int MOST_ATTEMPTS = 200;
    private static final long FIRST_BACKOFF_MILLIS = 10;
    private static final long LONGEST_BACKOFF_MILLIS = 1_000;

    private final HttpClient client;
    private final Supplier<List<URI>> liveNodes;
    private final Duration answerTimeout;
    private final SoakReport report;
    private final AtomicLong turn = new AtomicLong();

    WaapiSender(HttpClient client, Supplier<List<URI>> liveNodes, Duration answerTimeout, SoakReport report) {
        this.client = client;
        this.liveNodes = liveNodes;
        this.answerTimeout = answerTimeout;
        this.report = report;
    }

    /** Sends until acknowledged, refused for good, or {@value #MOST_ATTEMPTS} attempts were made. */
    void deliver(SoakDeliveries.Delivery delivery, String deliveryId) {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 0; attempt < MOST_ATTEMPTS; attempt++) {
            List<URI> nodes = liveNodes.get();
            URI node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
            HttpRequest request = delivery.request(node, answerTimeout, deliveryId);
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                report.answer(status);
                if (status >= 200 && status < 300 || !SoakDeliveries.isSentAgain(status)) {
                    return;
                }
            } catch (HttpTimeoutException e) {
                report.timeout();
            } catch (IOException e) {
                report.networkFailure();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(backoff + ThreadLocalRandom.current().nextLong(backoff));
            backoff = Math.min(LONGEST_BACKOFF_MILLIS, backoff * 2);
        }
        report.gaveUp();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
