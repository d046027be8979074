package com.easycrm4u.camel.waapi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The threads the component runs routes on after a call: its own pool of {@code workerPoolSize} threads, or the
 * application's {@code workerPool}; the component's own threads end when it stops, and it works again once started.
 */
class ComponentPoolsTest extends WaapiTestSupport {

    private static final Map<String, Object> TEXT = Map.of("to", "917890000198", "fromPhoneNo", "+917890000199",
            "body", "Hi");
    private static final String SENT = "{\"success\": true, \"data\": {\"messageId\": \"wamid.P\", \"status\": \"sent\"}}";

    private final List<String> threads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void answerEverySend() {
        stub(post(anyUrl()), 200, SENT);
    }

    private WaapiComponent waapi() {
        return context.getComponent("waapi", WaapiComponent.class);
    }

    /** A route that notes the thread it continues on after the call. */
    private String routeNotingTheThread() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noted").to("waapi:cloud/text").process(e -> threads.add(Thread.currentThread().getName()));
            }
        });
        return "direct:noted";
    }

    private void sendThrough(String route) {
        Exchange exchange = template.send(route, e -> e.getMessage().setBody(TEXT));
        assertThat(exchange.getException()).isNull();
    }

    private Set<String> liveWorkerThreads() {
        String prefix = "Camel (" + context.getName() + ") thread";
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix) && name.endsWith("WaapiWorker")).collect(Collectors.toSet());
    }

    @Test
    void anApplicationsWorkerPoolRunsTheRoutesAndOutlivesTheComponent() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, "erp-waapi-worker"));
        try {
            waapi().setWorkerPool(pool);
            String route = routeNotingTheThread();

            sendThrough(route);
            sendThrough(route);
            context.stop();

            assertThat(threads).containsExactly("erp-waapi-worker", "erp-waapi-worker");
            assertThat(pool.isShutdown()).as("the application's pool is the application's to stop").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneWorkerThreadIsEnough() throws Exception {
        waapi().setWorkerPoolSize(1);
        waapi().stop();
        waapi().start();
        String route = routeNotingTheThread();

        for (int i = 0; i < 3; i++) {
            sendThrough(route);
        }

        assertThat(threads).hasSize(3).allSatisfy(name -> assertThat(name).endsWith("WaapiWorker"));
        assertThat(Set.copyOf(threads)).hasSize(1);
    }

    @Test
    void moreWorkerThreadsThanCamelsDefaultProfileAllows() throws Exception {
        int moreThanCamelsDefaultMaximum
                = context.getExecutorServiceManager().getDefaultThreadPoolProfile().getMaxPoolSize() + 1;
        waapi().setWorkerPoolSize(moreThanCamelsDefaultMaximum);
        waapi().stop();
        waapi().start();

        sendThrough(routeNotingTheThread());

        ThreadPoolExecutor workers = (ThreadPoolExecutor) waapi().workerPool();
        assertThat(workers.getCorePoolSize()).isEqualTo(moreThanCamelsDefaultMaximum);
        // every completion is queued, none refused: at most one per exchange in flight
        assertThat(workers.getQueue().remainingCapacity()).isEqualTo(Integer.MAX_VALUE - workers.getQueue().size());
        // idle threads end after a minute
        assertThat(workers.allowsCoreThreadTimeOut()).isTrue();
        assertThat(workers.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(60);
    }

    @Test
    void noWorkerThreadIsRefused() {
        waapi().setWorkerPoolSize(0);
        waapi().stop();

        assertThatThrownBy(() -> waapi().start()).hasStackTraceContaining("workerPoolSize of the waapi component must be at "
                                                                          + "least 1, not 0");
    }

    @Test
    void stoppingTheComponentEndsItsThreadsAndItWorksAgainOnceStarted() throws Exception {
        String route = routeNotingTheThread();
        sendThrough(route);
        assertThat(liveWorkerThreads()).isNotEmpty();

        // what a context does when it stops: the routes first, then the component
        context.getRouteController().stopAllRoutes();
        waapi().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> liveWorkerThreads().isEmpty());

        waapi().start();
        context.getRouteController().startAllRoutes();
        sendThrough(route);
        assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).endsWith("WaapiWorker"));
        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void theApplicationsDefaultThreadPoolProfileDoesNotChangeTheWorkerPool() throws Exception {
        ThreadPoolProfile defaults = context.getExecutorServiceManager().getDefaultThreadPoolProfile();
        defaults.setKeepAliveTime(5L);
        defaults.setAllowCoreThreadTimeOut(false);
        defaults.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);

        sendThrough(routeNotingTheThread());
        ThreadPoolExecutor workers = (ThreadPoolExecutor) waapi().workerPool();

        assertThat(workers.allowsCoreThreadTimeOut()).as("idle worker threads end").isTrue();
        assertThat(workers.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(60);
        context.stop();
        List<String> ranOn = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> workers.execute(() -> ranOn.add(Thread.currentThread().getName())))
                .as("a completion handed to the stopped pool fails; it does not run on the caller's (transport's) thread")
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(ranOn).isEmpty();
    }

    @Test
    void oneConnectionIsEnough() throws Exception {
        waapi().setMaxConnections(1);
        waapi().stop();
        waapi().start();
        String route = routeNotingTheThread();

        sendThrough(route);
        sendThrough(route);

        wireMock.verify(2, RequestPatternBuilder.allRequests());
    }

    @Test
    void theApplicationsVertxRunsTheCallsAndOutlivesTheComponentWhoseClientsAreClosed() throws Exception {
        Vertx application = Vertx.vertx();
        try {
            waapi().setVertx(application);
            sendThrough(routeNotingTheThread());
            assertThat(waapi().vertxClients().vertx()).isSameAs(application);
            List<HttpClient> clients = List.copyOf(waapi().vertxClients().clients().values());

            context.stop();

            assertThat(clients).singleElement().satisfies(client -> assertThatThrownBy(
                    () -> client.request(HttpMethod.GET, wireMock.port(), "127.0.0.1", "/"))
                    .as("the component's client is closed with it").hasMessageContaining("closed"));
            CompletableFuture<String> alive = new CompletableFuture<>();
            application.runOnContext(nothing -> alive.complete("alive"));
            assertThat(alive).as("the application's Vert.x is the application's to close")
                    .succeedsWithin(Duration.ofSeconds(10)).isEqualTo("alive");
        } finally {
            application.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aVertxInTheRegistryRunsTheCalls() throws Exception {
        Vertx registered = Vertx.vertx();
        try {
            context.getRegistry().bind("vertx", registered);
            sendThrough(routeNotingTheThread());

            assertThat(waapi().vertxClients().vertx()).isSameAs(registered);
        } finally {
            registered.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** What camel-platform-http-vertx binds in Camel Main: a router that knows the server's Vert.x. */
    public static final class PlatformHttpRouter {
        private final Object vertx;

        PlatformHttpRouter(Object vertx) {
            this.vertx = vertx;
        }

        public Object vertx() {
            return vertx;
        }
    }

    @Test
    void thePlatformHttpServersVertxRunsTheCallsWhenThereIsOne() throws Exception {
        Vertx server = Vertx.vertx();
        try {
            context.getRegistry().bind("platform-http-router", new PlatformHttpRouter(server));
            sendThrough(routeNotingTheThread());

            assertThat(waapi().vertxClients().vertx()).isSameAs(server);
        } finally {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRouterWithoutAVertxLeavesTheComponentItsOwnWhichEndsWithIt() throws Exception {
        context.getRegistry().bind("platform-http-router", new PlatformHttpRouter("not a Vert.x"));
        sendThrough(routeNotingTheThread());
        CompletableFuture<Thread> eventLoop = new CompletableFuture<>();
        waapi().vertxClients().vertx().runOnContext(nothing -> eventLoop.complete(Thread.currentThread()));
        Thread ownThread = eventLoop.get(10, TimeUnit.SECONDS);

        context.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> !ownThread.isAlive());
    }
}
