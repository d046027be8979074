package com.easycrm4u.camel.waapi.soak.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;

/**
 * One receiver: a Camel context with its own Vert.x HTTP server on 127.0.0.1 and a {@code waapi:webhook} route that
 * counts, per event key, how often an event was routed (into a map all nodes of a run share) after the step before it
 * (the route's own work, which may fail) succeeded.
 */
public final class WebhookNode implements AutoCloseable {

    /** The route id of the webhook route. */
    public static final String ROUTE = "webhook";

    private final CamelContext context = new DefaultCamelContext();
    private final int port = freePort();

    /**
     * @param verifyToken the webhook verify token
     * @param repository  the repository of the consumer (shared by the nodes of a run)
     * @param claimExpiry the consumer's claimExpiry, in milliseconds
     * @param work        the route's work on each event; an exception fails the attempt
     * @param routed      how often each event key was routed
     */
    public WebhookNode(String verifyToken, IdempotentRepository repository, long claimExpiry, Processor work,
                       ConcurrentHashMap<String, AtomicInteger> routed) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.getRegistry().bind("repository", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a failed attempt is answered 500 and retried by the sender: no stack trace per attempt
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("waapi:webhook?idempotentRepository=#repository&claimExpiry=" + claimExpiry
                     + "&webhookVerifyToken=RAW(" + verifyToken + ")").routeId(ROUTE)
                        .process(work)
                        .process(exchange -> routed.computeIfAbsent(
                                exchange.getMessage().getHeader(WaapiConstants.EVENT_KEY, String.class),
                                key -> new AtomicInteger()).incrementAndGet());
            }
        });
        context.start();
    }

    public URI webhook() {
        return URI.create("http://127.0.0.1:" + port + "/waapi/webhook");
    }

    public CamelContext context() {
        return context;
    }

    /** Stops the route gracefully and starts it again. */
    public void restartRoute() throws Exception {
        context.getRouteController().stopRoute(ROUTE);
        context.getRouteController().startRoute(ROUTE);
    }

    @Override
    public void close() {
        context.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
