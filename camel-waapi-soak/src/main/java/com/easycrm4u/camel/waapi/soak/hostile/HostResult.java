package com.easycrm4u.camel.waapi.soak.hostile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * What the hostile-load run saw on one host: the invariants (no genuine event lost or routed twice, no out-of-memory,
 * the receiver still up) and the figures of the table.
 *
 * @param host                the host
 * @param events              genuine events sent
 * @param lost                genuine events never routed
 * @param routedTwice         genuine events routed more than once
 * @param outOfMemory         whether the receiver ran out of heap
 * @param endedByItself       whether the receiver ended before the run stopped it
 * @param peakAfterCollection the most heap left after a collection, in bytes
 * @param peakInUse           the most heap in use (garbage included), in bytes
 * @param p99Before           the genuine sender's p99 (due to acknowledged) before the attack, in milliseconds
 * @param p99During           the same for the deliveries due while the attack lasted
 * @param p99After            the same for the deliveries due after the attack
 * @param flowingAgain        seconds from the attack's end until the first delivery due after it was acknowledged
 * @param longestStall        the longest time without a genuine acknowledgement while the attack lasted, in seconds
 * @param sender              the genuine sender's answers, timeouts, failed connections, refusals, deliveries given up
 * @param attack              how the attackers' connections ended, per kind, and what each path spelling got
 */
record HostResult(Host host, long events, long lost, long routedTwice, boolean outOfMemory, boolean endedByItself,
        long peakAfterCollection, long peakInUse, double p99Before, double p99During, double p99After, double flowingAgain,
        double longestStall, Map<String, String> sender, Map<String, String> attack) {

    private static final double NONE = Double.NaN;

    /** Whether every invariant held. */
    boolean passed() {
        return lost == 0 && routedTwice == 0 && !outOfMemory && !endedByItself;
    }

    static HostResult of(
            Host host, long events, Map<String, AtomicInteger> routed, ReceiverJvm receiver, GenuineSender sender,
            long attackStart, long attackEnd, Attack attack) {
        long routedTwice = routed.values().stream().filter(count -> count.get() > 1).count();
        long lost = Math.max(0, events - routed.size());
        Map<String, String> senderFigures = new LinkedHashMap<>();
        sender.answers().forEach((status, count) -> senderFigures.put("answered " + status, String.valueOf(count)));
        senderFigures.put("timeouts (5 s)", String.valueOf(sender.timeouts()));
        senderFigures.put("failed connections", String.valueOf(sender.connectionFailures()));
        senderFigures.put("refused for good (4xx)", String.valueOf(sender.refused()));
        senderFigures.put("deliveries given up", String.valueOf(sender.gaveUp()));
        Map<String, String> attackFigures = new LinkedHashMap<>();
        attack.outcomes().forEach((kind, outcomes) -> attackFigures.put(kind.description(),
                attack.opened().get(kind) + " opened: " + outcomes.entrySet().stream()
                        .map(outcome -> outcome.getKey() + " ×" + outcome.getValue()).collect(Collectors.joining(", "))));
        attack.spellings().forEach((path, what) -> attackFigures.put("`" + path + "`", what));
        long[] acknowledgedDuringAttack = IntStream.range(0, sender.deliveries()).mapToLong(sender::acknowledged)
                .filter(at -> at >= attackStart && at <= attackEnd).sorted().toArray();
        return new HostResult(
                host, events, lost, routedTwice, receiver.ranOutOfMemory(), receiver.endedByItself(),
                receiver.peakHeapAfterCollection(), receiver.peakHeapInUse(),
                p99(sender, 0, attackStart), p99(sender, attackStart, attackEnd), p99(sender, attackEnd, Long.MAX_VALUE),
                flowingAgain(sender, attackEnd), longestStall(acknowledgedDuringAttack, attackStart, attackEnd),
                senderFigures, attackFigures);
    }

    /** The p99 of due-to-acknowledged of the deliveries due in [from, to), in milliseconds. */
    private static double p99(GenuineSender sender, long from, long to) {
        long[] latencies = IntStream.range(0, sender.deliveries())
                .filter(i -> sender.due(i) >= from && sender.due(i) < to && sender.acknowledged(i) >= 0)
                .mapToLong(i -> sender.acknowledged(i) - sender.due(i)).sorted().toArray();
        if (latencies.length == 0) {
            return NONE;
        }
        return latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6;
    }

    private static double flowingAgain(GenuineSender sender, long attackEnd) {
        return IntStream.range(0, sender.deliveries()).filter(i -> sender.due(i) >= attackEnd && sender.acknowledged(i) >= 0)
                .mapToLong(sender::acknowledged).min().stream().mapToDouble(at -> (at - attackEnd) / 1e9).findFirst()
                .orElse(NONE);
    }

    private static double longestStall(long[] acknowledged, long attackStart, long attackEnd) {
        long[] marks = LongStream.concat(LongStream.concat(LongStream.of(attackStart), Arrays.stream(acknowledged)),
                LongStream.of(attackEnd)).toArray();
        long longest = 0;
        for (int i = 1; i < marks.length; i++) {
            longest = Math.max(longest, marks[i] - marks[i - 1]);
        }
        return longest / 1e9;
    }

    /** The table of the runs, a column per host. */
    static String table(String setUp, List<HostResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(setUp).append(" |");
        results.forEach(result -> table.append(' ').append(result.host.label()).append(" |"));
        table.append("\n|---|");
        results.forEach(result -> table.append("---:|"));
        table.append('\n');
        row(table, results, "genuine events sent", r -> String.valueOf(r.events));
        row(table, results, "genuine events lost (must be 0)", r -> String.valueOf(r.lost));
        row(table, results, "genuine events routed twice (must be 0)", r -> String.valueOf(r.routedTwice));
        row(table, results, "out of memory (must be no)", r -> r.outOfMemory ? "**yes**" : "no");
        row(table, results, "receiver ended by itself (must be no)", r -> r.endedByItself ? "**yes**" : "no");
        row(table, results, "peak heap after a collection", r -> mebibytes(r.peakAfterCollection));
        row(table, results, "peak heap in use (garbage included)", r -> mebibytes(r.peakInUse));
        row(table, results, "genuine p99, deliveries due before the attack", r -> millis(r.p99Before));
        row(table, results, "genuine p99, deliveries due during the attack", r -> millis(r.p99During));
        row(table, results, "genuine p99, deliveries due after the attack", r -> millis(r.p99After));
        row(table, results, "longest time without a genuine acknowledgement, during the attack", r -> seconds(r.longestStall));
        row(table, results, "seconds until genuine deliveries flow again", r -> seconds(r.flowingAgain));
        results.stream().flatMap(r -> r.sender.keySet().stream()).distinct().sorted().forEach(name -> row(table, results,
                "genuine sender: " + name, r -> r.sender.getOrDefault(name, "0")));
        results.stream().flatMap(r -> r.attack.keySet().stream()).distinct().forEach(name -> row(table, results,
                name, r -> r.attack.getOrDefault(name, "–")));
        row(table, results, "**invariants**", r -> r.passed() ? "**hold**" : "**FAIL**");
        return table.toString();
    }

    private static void row(
            StringBuilder table, List<HostResult> results, String name, Function<HostResult, String> cell) {
        table.append("| ").append(name).append(" |");
        results.forEach(result -> table.append(' ').append(cell.apply(result)).append(" |"));
        table.append('\n');
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "never" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
