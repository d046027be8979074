package com.easycrm4u.camel.waapi.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The microbenchmarks with JMH's GC profiler: time and bytes allocated per operation.
 * <p>
 * Arguments: {@code forks=1 warmups=3 iterations=5 iterationMillis=1000 include=<regex>}; {@code forks=0} runs them in
 * this JVM (the smoke test).
 */
public final class JmhRun {

    private JmhRun() {
    }

    /** One benchmark's figures. */
    public record Row(String benchmark, double nanosPerOp, double nanosError, double bytesPerOp) {
    }

    public static void main(String[] args) throws RunnerException {
        System.out.println(markdown(run(Arguments.parse(args))));
    }

    public static List<Row> run(Arguments arguments) throws RunnerException {
        TimeValue iteration = TimeValue.milliseconds(arguments.longValue("iterationMillis", 1000));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(arguments.value("include", JmhRun.class.getPackageName() + ".*Benchmark.*"))
                .forks(arguments.intValue("forks", 1))
                .warmupIterations(arguments.intValue("warmups", 3)).warmupTime(iteration)
                .measurementIterations(arguments.intValue("iterations", 5)).measurementTime(iteration)
                .jvmArgsAppend("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            Result<?> primary = result.getPrimaryResult();
            rows.add(new Row(
                    name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), primary.getScore(),
                    primary.getScoreError(), allocated(result.getSecondaryResults())));
        }
        return rows;
    }

    private static double allocated(Map<String, Result> secondary) {
        return secondary.entrySet().stream().filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(e -> e.getValue().getScore()).findFirst().orElse(Double.NaN);
    }

    public static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder("| benchmark | ns/op | ± | bytes/op |\n|---|---:|---:|---:|\n");
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |%n", row.benchmark(), row.nanosPerOp(),
                    Double.isNaN(row.nanosError()) ? 0 : row.nanosError(), row.bytesPerOp()));
        }
        return table.toString();
    }
}
