package com.easycrm4u.camel.waapi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.easycrm4u.camel.waapi.benchmarks.jmh.JmhRun;
import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import com.easycrm4u.camel.waapi.benchmarks.producer.InFlightRun;
import com.easycrm4u.camel.waapi.benchmarks.producer.ProducerRun;
import com.easycrm4u.camel.waapi.benchmarks.report.Comparison;
import com.easycrm4u.camel.waapi.benchmarks.report.Plot;
import com.easycrm4u.camel.waapi.benchmarks.webhook.WebhookRun;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Every benchmark, one after the other, and one report: the microbenchmarks, the producer and the webhook beside their
 * baselines, and the producer with 10,000 sends in flight. Writes {@code performance.md} (the machine, the load and the
 * tables) and {@code throughput-p99.png} to {@code out}.
 * <p>
 * Arguments: {@code out=target/benchmarks only=jmh,producer,webhook,inflight}, and those of each run (they share the
 * names: {@code rounds}, {@code cellMillis}, {@code warmupMillis}, {@code concurrency}, {@code forks}, {@code sends},
 * ...).
 */
public final class RunAll {

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        Path report = run(Arguments.parse(args));
        System.out.println("Report: " + report);
    }

    public static Path run(Arguments arguments) throws Exception {
        Path out = Path.of(arguments.value("out", "target/benchmarks"));
        Files.createDirectories(out);
        List<String> only = arguments.list("only", "jmh", "producer", "webhook", "inflight");
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(LocalDate.now()).append(" on ").append(machine()).append("\n\n");
        md.append("Load average (1 min) at the start: ").append(loadAverage()).append("\n\n");
        List<Comparison> plotted = new ArrayList<>();
        if (only.contains("jmh")) {
            System.out.println("== microbenchmarks");
            md.append("### Microbenchmarks (JMH, -prof gc)\n\n").append(JmhRun.markdown(JmhRun.run(arguments))).append('\n');
        }
        if (only.contains("producer")) {
            System.out.println("== producer");
            Comparison producer = ProducerRun.run(arguments);
            plotted.add(producer);
            md.append("### ").append(producer.title()).append(" (load average ").append(loadAverage()).append(")\n\n")
                    .append(producer.markdown()).append('\n');
        }
        if (only.contains("webhook")) {
            System.out.println("== webhook");
            Comparison webhook = WebhookRun.run(arguments);
            plotted.add(webhook);
            md.append("### ").append(webhook.title()).append(" (load average ").append(loadAverage()).append(")\n\n")
                    .append(webhook.markdown()).append('\n');
        }
        if (only.contains("inflight")) {
            System.out.println("== sends in flight");
            md.append("### The producer with ").append(String.format(Locale.ROOT, "%,d", arguments.intValue("sends", 10_000)))
                    .append(" sends in flight, answered after ").append(arguments.longValue("delayMillis", 1000))
                    .append(" ms (load average ").append(loadAverage()).append(")\n\n")
                    .append(InFlightRun.markdown(InFlightRun.run(arguments))).append('\n');
        }
        md.append("Load average (1 min) at the end: ").append(loadAverage()).append('\n');
        if (!plotted.isEmpty()) {
            Plot.write(plotted, out.resolve("throughput-p99.png"));
        }
        Path report = out.resolve("performance.md");
        Files.writeString(report, md, StandardCharsets.UTF_8);
        System.out.println(md);
        return report;
    }

    private static String machine() {
        com.sun.management.OperatingSystemMXBean os
                = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB, %s %s, Java %s (%s), Camel %s",
                Runtime.getRuntime().availableProcessors(), cpuModel(), os.getTotalMemorySize() / 1073741824.0,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), new DefaultCamelContext().getVersion());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("cpu unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu unknown";
        }
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
