package com.easycrm4u.camel.waapi;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.easycrm4u.camel.waapi.client.ClientOptions;
import com.easycrm4u.camel.waapi.client.VertxTls;
import com.easycrm4u.camel.waapi.client.VertxTransport;
import com.easycrm4u.camel.waapi.client.WaapiTransport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's Vert.x HTTP clients: one per connect timeout and scheme, on the application's Vert.x instance when
 * there is one, else on one of the component's own. Closed with the component.
 */
final class VertxClients {

    private static final Logger LOG = LoggerFactory.getLogger(VertxClients.class);
    /** Where Camel Main's platform-http (camel-platform-http-vertx) binds its router, which knows its Vert.x. */
    private static final String PLATFORM_HTTP_ROUTER = "platform-http-router";
    /** The event loops of a Vert.x of the component's own: moving bytes of API calls needs few. */
    private static final int OWN_EVENT_LOOPS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final WaapiComponent component;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private Vertx vertx;
    private boolean ownVertx;

    VertxClients(WaapiComponent component) {
        this.component = component;
    }

    WaapiTransport transport(ClientOptions options, long connectTimeout) throws Exception {
        boolean tls = "https".equalsIgnoreCase(URI.create(options.baseUrl()).getScheme());
        String key = connectTimeout + (tls ? "/https" : "/http");
        HttpClient client;
        Vertx shared;
        synchronized (this) {
            shared = vertx();
            client = clients.get(key);
            if (client == null) {
                client = shared.createHttpClient(clientOptions(connectTimeout, tls));
                clients.put(key, client);
            }
        }
        return new VertxTransport(shared, client, options);
    }

    /** The clients made so far, by connect timeout and scheme (e.g. {@code 10000/https}). */
    Map<String, HttpClient> clients() {
        return Map.copyOf(clients);
    }

    synchronized Vertx vertx() {
        if (vertx == null) {
            CamelContext context = component.getCamelContext();
            vertx = component.getVertx();
            if (vertx == null) {
                vertx = CamelContextHelper.findSingleByType(context, Vertx.class);
            }
            if (vertx == null) {
                vertx = platformHttpVertx(context);
            }
            if (vertx == null) {
                vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(OWN_EVENT_LOOPS));
                ownVertx = true;
                LOG.debug("The waapi component runs its API calls on a Vert.x instance of its own");
            }
        }
        return vertx;
    }

    private HttpClientOptions clientOptions(long connectTimeout, boolean tls) throws Exception {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(connectTimeout, Integer.MAX_VALUE))
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setMaxPoolSize(component.getMaxConnections())
                // bounded by the calls in flight, which the routes bound; each waits at most its requestTimeout
                .setMaxWaitQueueSize(-1)
                .setMaxRedirects(0);
        if (tls) {
            SSLContextParameters parameters = component.effectiveSslContextParameters();
            SSLContext sslContext = parameters != null
                    ? parameters.createSSLContext(component.getCamelContext()) : SSLContext.getDefault();
            // HTTP/2 when the server offers it by ALPN, as java.net.http does; the server certificate and name are checked
            options.setSsl(true).setVerifyHost(true).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2)
                    .setSslEngineOptions(new VertxTls(sslContext));
        }
        return options;
    }

    /** The Vert.x of Camel Main's platform-http server, known to its router; null when there is none. */
    private static Vertx platformHttpVertx(CamelContext context) {
        Object router = context.getRegistry().lookupByName(PLATFORM_HTTP_ROUTER);
        if (router == null) {
            return null;
        }
        try {
            Method vertx = router.getClass().getMethod("vertx");
            Object instance = vertx.invoke(router);
            return instance instanceof Vertx ? (Vertx) instance : null;
        } catch (ReflectiveOperationException | RuntimeException notTheRouterWeKnow) {
            return null;
        }
    }

    synchronized void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
        if (ownVertx) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("The waapi component's Vert.x did not close cleanly: {}", e.toString());
            }
        }
        vertx = null;
        ownVertx = false;
    }
}
