package com.easycrm4u.camel.waapi.soak.hostile;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a hostile-load run does, per host. The genuine sender spreads its deliveries evenly over warm-up, attack and
 * after; the attack starts after the warm-up and lasts {@code attack}; every attacker stops when it ends.
 *
 * @param hosts           the hosts to attack, one after the other
 * @param heap            the receiver's -Xmx
 * @param events          genuine events, in signed deliveries of 1 to 3 events
 * @param concurrency     genuine deliveries in flight at once, at most
 * @param warmUp          genuine traffic before the attack
 * @param attack          how long the attack lasts
 * @param after           genuine traffic after the attack
 * @param giveUp          how long the genuine sender retries a delivery before it gives up (the event is lost)
 * @param slowRouteMillis how long the route takes per event while the attack lasts (0 before and after)
 * @param maxBodySize     the route's maxBodySize (the component's default): what idle connections declare
 * @param idle            connections that declare maxBodySize and send nothing
 * @param forged          senders of 1 MiB bodies with a wrong signature, all at once
 * @param forgedEach      bodies each forged sender sends, one after the other, while the attack lasts
 * @param tricklers       senders that send their body a few bytes a second
 * @param spellingBytes   the chunked body sent to each spelling of the path
 */
public record HostileSettings(List<Host> hosts, String heap, int events, int concurrency, Duration warmUp, Duration attack,
        Duration after, Duration giveUp, long slowRouteMillis, int maxBodySize, int idle, int forged, int forgedEach,
        int tricklers, long spellingBytes) {

    /** The verify token of the runs' routes. */
    static final String VERIFY_TOKEN = "hostile-run-verify-token";

    private static final String ARGUMENTS
            = "hosts (camel-main,spring-boot), events, concurrency, attack (seconds), idle, forged, "
              + "tricklers, spellingMiB, heap";
    private static final Set<String> NAMES = Set.of("hosts", "events", "concurrency", "attack", "idle", "forged", "tricklers",
            "spellingMiB", "heap");

    /** The run of docs/webhooks.md. */
    public static HostileSettings full() {
        return new HostileSettings(
                List.of(Host.values()), "256m", 10_000, 64, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(120), 200, 1_048_576, 1_000, 500, 3, 200, 256L << 20);
    }

    /**
     * The run of the test suite on one host: about a minute, the same shapes with fewer events and attackers, the same
     * 256 MiB heap and 256 MiB bodies, an attack just long enough for the receivers' 30 s read timeout to cut off the
     * stalled bodies.
     */
    public static HostileSettings small(Host host) {
        return new HostileSettings(
                List.of(host), "256m", 1_500, 32, Duration.ofSeconds(3), Duration.ofSeconds(32),
                Duration.ofSeconds(6), Duration.ofSeconds(60), 200, 1_048_576, 200, 100, 2, 40, 256L << 20);
    }

    /** Parses {@code name=value} arguments over {@link #full()}: {@value #ARGUMENTS}. */
    public static HostileSettings parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals).replaceFirst("^--", "") : arg;
            if (equals <= 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("arguments are name=value, the names " + ARGUMENTS + "; not " + arg);
            }
            values.put(name, arg.substring(equals + 1));
        }
        HostileSettings d = full();
        return new HostileSettings(
                values.containsKey("hosts") ? Arrays.stream(values.get("hosts").split(",")).map(Host::of).toList() : d.hosts,
                values.getOrDefault("heap", d.heap), number(values, "events", d.events),
                number(values, "concurrency", d.concurrency),
                d.warmUp, values.containsKey("attack") ? Duration.ofSeconds(number(values, "attack", 0)) : d.attack, d.after,
                d.giveUp, d.slowRouteMillis, d.maxBodySize, number(values, "idle", d.idle), number(values, "forged", d.forged),
                d.forgedEach, number(values, "tricklers", d.tricklers),
                values.containsKey("spellingMiB") ? (long) number(values, "spellingMiB", 0) << 20 : d.spellingBytes);
    }

    private static int number(Map<String, String> values, String name, int otherwise) {
        String value = values.get(name);
        try {
            return value == null ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a whole number, not " + value);
        }
    }

    /** The whole time the genuine sender sends. */
    Duration sending() {
        return warmUp.plus(attack).plus(after);
    }

    String describe() {
        return events + " genuine events, " + idle + " idle, " + forged + "×" + forgedEach + " forged 1 MiB, " + tricklers
               + " trickling, 3 path spellings × " + (spellingBytes >> 20) + " MiB chunked; attack " + attack.toSeconds()
               + " s, route " + slowRouteMillis + " ms per event while it lasts; receiver heap " + heap;
    }
}
