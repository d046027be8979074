package com.easycrm4u.camel.waapi.benchmarks.webhook;

import java.util.List;

import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import com.easycrm4u.camel.waapi.benchmarks.load.ChildJvm;
import com.easycrm4u.camel.waapi.benchmarks.load.SideBySide;
import com.easycrm4u.camel.waapi.benchmarks.report.Comparison;

/**
 * The webhook beside a bare platform-http route on the same server (a JVM of its own), the load generated from this
 * JVM: signed deliveries per second at each concurrency, alternating over several rounds after a warm-up.
 * <p>
 * Arguments: {@code rounds=3 cellMillis=2000 warmupMillis=5000 concurrency=1,8,64,256 serverHeap=512m
 * serverJvmOptions=<separated by |>} (e.g. {@code -XX:StartFlightRecording=filename=server.jfr,settings=profile} to
 * profile the server).
 */
public final class WebhookRun {

    public static final String WEBHOOK = "waapi:webhook";
    public static final String BARE = "bare platform-http route";

    private WebhookRun() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Arguments.parse(args)).markdown());
    }

    public static Comparison run(Arguments arguments) throws Exception {
        String jvmOptions = arguments.value("serverJvmOptions", "");
        try (ChildJvm server = ChildJvm.start(arguments.value("serverHeap", "512m"),
                jvmOptions.isEmpty() ? List.of() : List.of(jvmOptions.split("\\|")), WebhookServer.class);
             WebhookLoad webhook = new WebhookLoad(server.port(), Deliveries.PATH);
             WebhookLoad bare = new WebhookLoad(server.port(), Deliveries.BARE_PATH)) {
            return new SideBySide().path(WEBHOOK, webhook).path(BARE, bare)
                    .run("Webhook: verified deliveries per second", WEBHOOK,
                            arguments.ints("concurrency", 1, 8, 64, 256), arguments.intValue("rounds", 3),
                            arguments.longValue("cellMillis", 2000), arguments.longValue("warmupMillis", 5000));
        }
    }
}
