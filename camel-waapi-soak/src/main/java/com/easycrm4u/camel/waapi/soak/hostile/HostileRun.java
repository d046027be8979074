package com.easycrm4u.camel.waapi.soak.hostile;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.soak.webhook.SoakDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hostile-load run of docs/webhooks.md ("Hostile senders"): per host, a receiver in a JVM of its own with a small
 * heap that exits on out-of-memory, a genuine sender delivering signed events throughout, and, in the middle, the
 * attackers of {@link Attack} while the route is slow. Prints a table with a column per host and exits non-zero when a
 * genuine event was lost or routed twice, or a receiver ran out of memory or ended.
 * <p>
 * Run it with
 * {@code ./mvnw -B -ntp -pl camel-waapi-soak -am -DskipTests -Phostile-run verify -Dsoak.args="events=10000"}.
 */
public final class HostileRun {

    private static final Logger LOG = LoggerFactory.getLogger(HostileRun.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private HostileRun() {
    }

    public static void main(String[] args) throws Exception {
        HostileSettings settings = HostileSettings.parse(args);
        List<HostResult> results = run(settings);
        System.out.println(HostResult.table(settings.describe(), results));
        System.exit(results.stream().allMatch(HostResult::passed) ? 0 : 1);
    }

    /** Runs every host of the settings, one after the other. */
    public static List<HostResult> run(HostileSettings settings) throws Exception {
        List<HostResult> results = new ArrayList<>();
        for (Host host : settings.hosts()) {
            results.add(run(host, settings));
        }
        return results;
    }

    static HostResult run(Host host, HostileSettings settings) throws Exception {
        List<SoakDeliveries.Delivery> deliveries = SoakDeliveries.create(settings.events(), 42, HostileSettings.VERIFY_TOKEN);
        LOG.info("{}: starting the receiver ({} heap)", host.label(), settings.heap());
        ReceiverJvm receiver = ReceiverJvm.start(host, settings.heap(), HostileSettings.VERIFY_TOKEN, START_TIMEOUT);
        try {
            URI webhook = URI.create("http://127.0.0.1:" + receiver.port() + "/waapi/webhook");
            GenuineSender sender = new GenuineSender(
                    webhook, deliveries, settings.concurrency(), settings.giveUp(),
                    receiver::isAlive);
            long start = System.nanoTime();
            Thread sending = new Thread(() -> {
                try {
                    sender.run(start, settings.sending());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "genuine-sender");
            sending.start();
            TimeUnit.NANOSECONDS.sleep(start + settings.warmUp().toNanos() - System.nanoTime());
            LOG.info("{}: attack for {} s while {} deliveries of {} events are sent", host.label(),
                    settings.attack().toSeconds(), deliveries.size(), settings.events());
            long attackStart = System.nanoTime() - start;
            receiver.slowRoute(settings.slowRouteMillis());
            Attack attack = new Attack(new InetSocketAddress("127.0.0.1", receiver.port()), settings);
            attack.run(settings.attack(), () -> !receiver.isAlive());
            long attackEnd = System.nanoTime() - start;
            receiver.slowRoute(0);
            LOG.info("{}: attack over, waiting for the genuine sender", host.label());
            sending.join();
            receiver.close();
            return HostResult.of(host, settings.events(), receiver.routed(), receiver, sender, attackStart, attackEnd, attack);
        } finally {
            receiver.close();
        }
    }
}
