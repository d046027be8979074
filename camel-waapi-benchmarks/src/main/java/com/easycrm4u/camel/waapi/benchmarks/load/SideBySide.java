package com.easycrm4u.camel.waapi.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.easycrm4u.camel.waapi.benchmarks.report.Comparison;

/**
 * Measures paths side by side: a warm-up of each, then rounds in which every concurrency is measured for every path one
 * right after the other, the order of the paths turning each round so none always goes first.
 */
public final class SideBySide {

    private final Map<String, Call> paths = new LinkedHashMap<>();

    public SideBySide path(String name, Call call) {
        paths.put(name, call);
        return this;
    }

    public Comparison run(
            String title, String reference, int[] concurrencies, int rounds, long cellMillis,
            long warmupMillis)
            throws InterruptedException {
        List<String> names = new ArrayList<>(paths.keySet());
        Comparison comparison = new Comparison(title, reference, names, concurrencies);
        int warmupConcurrency = 64;
        for (String name : names) {
            Cell warm = ClosedLoop.run(paths.get(name), warmupConcurrency, warmupMillis);
            System.out.printf(Locale.ROOT, "warm-up %-28s c=%-3d %,10.0f/s%n", name, warmupConcurrency, warm.perSecond());
        }
        for (int round = 0; round < rounds; round++) {
            for (int c : concurrencies) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((i + round) % names.size());
                    Cell cell = ClosedLoop.run(paths.get(name), c, cellMillis);
                    comparison.add(name, c, cell);
                    System.out.printf(Locale.ROOT, "round %d %-28s c=%-3d %,10.0f/s  p50 %6.2f ms  p99 %7.2f ms %,7.0f B%s%n",
                            round + 1, name, c, cell.perSecond(), cell.p50Millis(), cell.p99Millis(), cell.bytesPerOp(),
                            cell.failures() > 0 ? "  FAILED " + cell.failures() : "");
                }
            }
        }
        return comparison;
    }
}
