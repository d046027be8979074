package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.easycrm4u.camel.waapi.benchmarks.load.Arguments;
import com.easycrm4u.camel.waapi.benchmarks.load.Call;
import com.easycrm4u.camel.waapi.benchmarks.load.ChildJvm;
import com.easycrm4u.camel.waapi.benchmarks.load.SideBySide;
import com.easycrm4u.camel.waapi.benchmarks.report.Comparison;

/**
 * The producer beside hand-written loops on the same loopback sink (a JVM of its own): {@code waapi:cloud/text} against
 * itself on its former transport ({@code java.net.http}, given as {@code httpClient}), a raw {@code java.net.http}
 * loop, a raw Vert.x client loop and a raw Apache HttpClient 5 loop, at each concurrency, alternating over several
 * rounds after a warm-up.
 * <p>
 * Arguments: {@code rounds=3 cellMillis=2000 warmupMillis=5000 concurrency=1,8,64,256 sinkEventLoops=1
 * paths=component,component-jdk,java.net.http,vertx,httpclient5}.
 */
public final class ProducerRun {

    public static final String COMPONENT = "waapi:cloud/text";
    public static final String COMPONENT_JDK = "waapi:cloud/text on java.net.http";
    public static final String JDK = "java.net.http loop";
    public static final String VERTX = "Vert.x client loop";
    public static final String HTTPCLIENT5 = "HttpClient 5 async loop";

    private ProducerRun() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Arguments.parse(args)).markdown());
    }

    private static <T extends Call & AutoCloseable> T opened(List<AutoCloseable> open, T path) {
        open.add(path);
        return path;
    }

    public static Comparison run(Arguments arguments) throws Exception {
        List<String> wanted = arguments.list("paths", "component", "component-jdk", "java.net.http", "vertx", "httpclient5");
        try (ChildJvm sink = ChildJvm.start("256m", LoopbackSink.class,
                "eventLoops=" + arguments.intValue("sinkEventLoops", 1))) {
            int port = sink.port();
            List<AutoCloseable> open = new ArrayList<>();
            try {
                SideBySide sideBySide = new SideBySide();
                if (wanted.contains("component")) {
                    sideBySide.path(COMPONENT, opened(open, new ComponentPath(port, waapi -> {
                    })));
                }
                if (wanted.contains("component-jdk")) {
                    ExecutorService executor = Executors.newFixedThreadPool(2);
                    open.add(executor::shutdownNow);
                    // the transport before Vert.x, as the component built it: its own 2 threads, HTTP/1.1, no redirects
                    sideBySide.path(COMPONENT_JDK, opened(open, new ComponentPath(
                            port, waapi -> waapi.setHttpClient(
                                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                                            .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build()))));
                }
                if (wanted.contains("java.net.http")) {
                    sideBySide.path(JDK, opened(open, new JdkLoop(port)));
                }
                if (wanted.contains("vertx")) {
                    sideBySide.path(VERTX, opened(open, new VertxLoop(port)));
                }
                if (wanted.contains("httpclient5")) {
                    sideBySide.path(HTTPCLIENT5, opened(open, new HttpClient5Loop(port)));
                }
                return sideBySide.run("Producer: sends per second on a loopback sink", COMPONENT,
                        arguments.ints("concurrency", 1, 8, 64, 256), arguments.intValue("rounds", 3),
                        arguments.longValue("cellMillis", 2000), arguments.longValue("warmupMillis", 5000));
            } finally {
                for (AutoCloseable closeable : open) {
                    closeable.close();
                }
            }
        }
    }
}
