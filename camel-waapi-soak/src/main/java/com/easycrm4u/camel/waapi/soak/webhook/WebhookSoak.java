package com.easycrm4u.camel.waapi.soak.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Processor;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays WAAPI against {@code waapi:webhook} receivers and prints what reached the routes: every event must be routed
 * exactly once, none lost, none twice, no signed delivery answered 4xx. Faults: a share of route attempts fails,
 * deliveries are duplicated (same bytes, same or new delivery id) and replayed later (new delivery id), the route of
 * the first node is stopped and started a third of the way in, and with two nodes the second is stopped for good two
 * thirds of the way in. The sender retries by WAAPI's rules.
 * <p>
 * Run it with
 * {@code ./mvnw -B -ntp -pl camel-waapi-soak -am -DskipTests -Pwebhook-soak verify -Dsoak.args="events=100000 nodes=2"}.
 */
public final class WebhookSoak {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSoak.class);
    private static final String VERIFY_TOKEN = "soak-verify-token";
    private static final long CLAIM_EXPIRY_MILLIS = 60_000;

    private WebhookSoak() {
    }

    public static void main(String[] args) throws Exception {
        SoakReport report = run(SoakSettings.parse(args));
        System.out.println(report.table());
        System.exit(report.exactlyOnce() ? 0 : 1);
    }

    /** Runs the soak and gives what it saw. */
    public static SoakReport run(SoakSettings settings) throws Exception {
        if (settings.nodes() < 1 || settings.nodes() > 2) {
            throw new IllegalArgumentException("nodes is 1 or 2, was " + settings.nodes());
        }
        SoakReport report = new SoakReport();
        Random random = new Random(settings.seed());
        Processor work = exchange -> {
            if (random.nextDouble() < settings.routeFailures()) {
                throw new IllegalStateException("route attempt failed (soak fault)");
            }
        };
        List<SoakDeliveries.Delivery> deliveries = SoakDeliveries.create(settings.events(), settings.seed(), VERIFY_TOKEN);
        deliveries.forEach(delivery -> report.sent(delivery.eventKeys()));
        long started = System.nanoTime();
        try (HazelcastMembers hazelcast = settings.nodes() == 2 ? new HazelcastMembers(2) : null) {
            List<WebhookNode> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < settings.nodes(); i++) {
                    IdempotentRepository repository = hazelcast != null
                            ? new HazelcastIdempotentRepository(hazelcast.member(i), "waapi-webhook")
                            : MemoryIdempotentRepository.memoryIdempotentRepository(settings.events() * 3 + 1_000);
                    nodes.add(new WebhookNode(VERIFY_TOKEN, repository, CLAIM_EXPIRY_MILLIS, work, report.routed()));
                }
                send(settings, deliveries, nodes, report, random);
            } finally {
                nodes.forEach(WebhookNode::close);
            }
        }
        report.finished(Duration.ofNanos(System.nanoTime() - started),
                settings.events() + " events, " + settings.nodes() + " node(s), concurrency " + settings.concurrency()
                                                                       + ", seed " + settings.seed());
        return report;
    }

    private static void send(
            SoakSettings settings, List<SoakDeliveries.Delivery> deliveries, List<WebhookNode> nodes,
            SoakReport report, Random random)
            throws Exception {
        List<URI> live = new CopyOnWriteArrayList<>();
        nodes.forEach(node -> live.add(node.webhook()));
        ExecutorService senders = Executors.newFixedThreadPool(settings.concurrency());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(senders).build();
        ExecutorService faults = Executors.newSingleThreadExecutor();
        try {
            WaapiSender sender = new WaapiSender(client, () -> List.copyOf(live), settings.answerTimeout(), report);
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            CompletableFuture<Void> restart = null;
            CompletableFuture<Void> kill = null;
            ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
            try {
                for (SoakDeliveries.Delivery delivery : deliveries) {
                    if (delivery.number() == deliveries.size() / 3) {
                        restart = CompletableFuture.runAsync(() -> restartRoute(nodes.get(0)), faults);
                    }
                    if (nodes.size() == 2 && delivery.number() == deliveries.size() * 2 / 3) {
                        kill = CompletableFuture.runAsync(() -> stopForGood(nodes.get(1), live), faults);
                    }
                    String deliveryId = newDeliveryId();
                    sending.add(submit(workers, sender, report, delivery, deliveryId, false, false));
                    if (random.nextDouble() < settings.duplicates()) {
                        String id = random.nextBoolean() ? deliveryId : newDeliveryId();
                        sending.add(submit(workers, sender, report, delivery, id, true, false));
                    }
                    if (random.nextDouble() < settings.replays()) {
                        SoakDeliveries.Delivery earlier = deliveries.get(random.nextInt(delivery.number() + 1));
                        sending.add(submit(workers, sender, report, earlier, newDeliveryId(), false, true));
                    }
                    // keep at most about `concurrency` deliveries queued ahead of the senders
                    while (sending.size() > settings.concurrency() * 4) {
                        sending.remove(0).join();
                    }
                }
                sending.forEach(CompletableFuture::join);
                if (restart != null) {
                    restart.join();
                }
                if (kill != null) {
                    kill.join();
                }
            } finally {
                workers.shutdownNow();
            }
        } finally {
            faults.shutdownNow();
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static CompletableFuture<Void> submit(
            ExecutorService workers, WaapiSender sender, SoakReport report,
            SoakDeliveries.Delivery delivery, String deliveryId, boolean duplicate,
            boolean replay) {
        report.delivery(duplicate, replay);
        return CompletableFuture.runAsync(() -> sender.deliver(delivery, deliveryId), workers);
    }

    private static void restartRoute(WebhookNode node) {
        try {
            LOG.info("stopping and starting the webhook route of node 1");
            node.restartRoute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stopForGood(WebhookNode node, List<URI> live) {
        LOG.info("stopping node 2 for good");
        node.close();
        // the load balancer notices; until then the sender's attempts to it fail and are retried
        live.remove(node.webhook());
    }

    private static String newDeliveryId() {
        return "dlv-" + UUID.randomUUID();
    }
}
