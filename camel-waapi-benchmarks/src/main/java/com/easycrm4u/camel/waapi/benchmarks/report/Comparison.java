package com.easycrm4u.camel.waapi.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.easycrm4u.camel.waapi.benchmarks.load.Cell;

/**
 * Paths measured side by side at several concurrencies over several rounds, against one reference path (the component).
 * Ratios are taken within a round, between cells measured one right after the other, and their median is reported: they
 * hold on a noisy machine where the absolute figures do not.
 */
public final class Comparison {

    private final String title;
    private final String reference;
    private final List<String> paths;
    private final int[] concurrencies;
    private final Map<String, List<Cell>> cells = new LinkedHashMap<>();

    public Comparison(String title, String reference, List<String> paths, int[] concurrencies) {
        this.title = title;
        this.reference = reference;
        this.paths = List.copyOf(paths);
        this.concurrencies = concurrencies.clone();
    }

    public void add(String path, int concurrency, Cell cell) {
        cells.computeIfAbsent(key(path, concurrency), k -> new ArrayList<>()).add(cell);
    }

    public String title() {
        return title;
    }

    public String reference() {
        return reference;
    }

    public List<String> paths() {
        return paths;
    }

    public int[] concurrencies() {
        return concurrencies.clone();
    }

    public List<Cell> cells(String path, int concurrency) {
        return cells.getOrDefault(key(path, concurrency), List.of());
    }

    public double medianPerSecond(String path, int concurrency) {
        return median(cells(path, concurrency).stream().mapToDouble(Cell::perSecond).toArray());
    }

    public double medianP50(String path, int concurrency) {
        return median(cells(path, concurrency).stream().mapToDouble(Cell::p50Millis).toArray());
    }

    public double medianBytesPerOp(String path, int concurrency) {
        return median(cells(path, concurrency).stream().mapToDouble(Cell::bytesPerOp).toArray());
    }

    public double medianP99(String path, int concurrency) {
        return median(cells(path, concurrency).stream().mapToDouble(Cell::p99Millis).toArray());
    }

    /** The reference's throughput over the path's, round by round: median, lowest, highest. */
    public double[] ratios(String path, int concurrency) {
        List<Cell> mine = cells(reference, concurrency);
        List<Cell> theirs = cells(path, concurrency);
        int rounds = Math.min(mine.size(), theirs.size());
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = mine.get(i).perSecond() / theirs.get(i).perSecond();
        }
        if (rounds == 0) {
            return new double[] { Double.NaN, Double.NaN, Double.NaN };
        }
        return new double[] {
                median(ratios), Arrays.stream(ratios).min().getAsDouble(), Arrays.stream(ratios).max().getAsDouble() };
    }

    public long failures() {
        return cells.values().stream().flatMap(List::stream).mapToLong(Cell::failures).sum();
    }

    /** The table: one row per path and concurrency, medians over the rounds, the ratio of the reference to the row. */
    public String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| concurrency | path | per second | p50 ms | p99 ms | bytes/request | ").append(reference)
                .append(" ÷ path (lowest–highest round) |\n|---:|---|---:|---:|---:|---:|---|\n");
        for (int c : concurrencies) {
            for (String path : paths) {
                double[] ratios = ratios(path, c);
                table.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %.2f | %.2f | %,.0f | %s |%n", c, path,
                        medianPerSecond(path, c), medianP50(path, c), medianP99(path, c), medianBytesPerOp(path, c),
                        path.equals(reference)
                                ? "1" : String.format(Locale.ROOT, "**%.2f×** (%.2f–%.2f)", ratios[0], ratios[1], ratios[2])));
            }
        }
        long failures = failures();
        if (failures > 0) {
            table.append("\n").append(failures).append(" requests failed: the figures are not valid.\n");
        }
        return table.toString();
    }

    private static String key(String path, int concurrency) {
        return path + "@" + concurrency;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
