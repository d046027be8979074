package com.easycrm4u.camel.waapi.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.easycrm4u.camel.waapi.benchmarks.jmh.JmhRun;
import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import com.easycrm4u.camel.waapi.benchmarks.producer.InFlightRun;
import com.easycrm4u.camel.waapi.benchmarks.producer.ProducerRun;
import com.easycrm4u.camel.waapi.benchmarks.report.Comparison;
import com.easycrm4u.camel.waapi.benchmarks.webhook.WebhookRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each benchmark for about a second, so none can rot between the runs that measure: every path answers, every table and
 * the plot are written. Nothing here is timed against a figure.
 */
class BenchmarksSmokeTest {

    @Test
    void theMicrobenchmarksRunAndCountTheirAllocations() throws Exception {
        List<JmhRun.Row> rows = JmhRun.run(Arguments.parse("forks=0", "warmups=0", "iterations=1", "iterationMillis=150"));

        assertThat(rows).extracting(JmhRun.Row::benchmark).contains("RequestJsonBenchmark.textRequest",
                "RequestJsonBenchmark.templateRequest", "RequestJsonBenchmark.combinedSendRequest",
                "DeliveryBenchmark.delivery");
        assertThat(rows).allSatisfy(row -> assertThat(row.nanosPerOp()).isPositive());
    }

    @Test
    void theProducerAndItsBaselinesSendSideBySide() throws Exception {
        Comparison producer = ProducerRun.run(short_());

        assertThat(producer.failures()).isZero();
        assertThat(producer.paths()).containsExactly(ProducerRun.COMPONENT, ProducerRun.COMPONENT_JDK, ProducerRun.JDK,
                ProducerRun.VERTX, ProducerRun.HTTPCLIENT5);
        producer.paths().forEach(path -> assertThat(producer.medianPerSecond(path, 8)).as(path).isPositive());
        assertThat(producer.markdown()).contains("| 8 | " + ProducerRun.VERTX + " |");
    }

    @Test
    void theWebhookAndTheBareRouteAnswerEveryDelivery() throws Exception {
        Comparison webhook = WebhookRun.run(short_());

        assertThat(webhook.failures()).isZero();
        webhook.paths().forEach(path -> assertThat(webhook.medianPerSecond(path, 8)).as(path).isPositive());
    }

    @Test
    void manySendsInFlightAllComplete() throws Exception {
        List<InFlightRun.Row> rows = InFlightRun.run(Arguments.parse("sends=200", "delayMillis=100", "heap=256m"));

        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.failed()).as(row.path()).isZero();
            assertThat(row.peakThreads()).as(row.path()).isPositive();
        });
    }

    @Test
    void theCommandWritesTheReportAndThePlot(@TempDir Path out) throws Exception {
        Path report = RunAll.run(Arguments.parse("out=" + out, "only=producer", "paths=component,vertx", "rounds=1",
                "cellMillis=200", "warmupMillis=200", "concurrency=1,8"));

        assertThat(Files.readString(report)).contains("cores").contains(ProducerRun.COMPONENT).contains("Load average");
        assertThat(out.resolve("throughput-p99.png")).isNotEmptyFile();
    }

    private static Arguments short_() {
        return Arguments.parse("rounds=1", "cellMillis=250", "warmupMillis=250", "concurrency=1,8");
    }
}
