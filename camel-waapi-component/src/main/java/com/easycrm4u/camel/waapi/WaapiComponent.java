package com.easycrm4u.camel.waapi;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.easycrm4u.camel.waapi.client.ClientOptions;
import com.easycrm4u.camel.waapi.client.JdkTransport;
import com.easycrm4u.camel.waapi.client.WaapiTransport;
import com.easycrm4u.camel.waapi.internal.ClaimKeepingMemoryRepository;
import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.operation.WaapiUriPath;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The {@code waapi:} component: producers for every WAAPI External API operation and a verified webhook consumer.
 */
@Component("waapi")
public class WaapiComponent extends HealthCheckComponent implements SSLContextParametersAware {

    public static final int DEFAULT_WORKER_POOL_SIZE = 10;
    public static final int DEFAULT_HEALTH_CHECK_FAILURE_THRESHOLD = 3;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    /** How many sent keys the default in-memory send-once repository remembers. */
    public static final int DEFAULT_SEND_ONCE_CACHE_SIZE = 10_000;

    @Metadata(description = "Default options of every endpoint of this component.")
    private WaapiConfiguration configuration = new WaapiConfiguration();
    @Metadata(label = "advanced",
              description = "A java.net.http.HttpClient of your own for the API calls (proxy, executor, TLS), instead of the component's Vert.x client; connectTimeout, maxConnections and sslContextParameters are then yours to set on it.")
    private HttpClient httpClient;
    @Metadata(label = "advanced", autowired = true,
              description = "The Vert.x instance the API calls run on. By default the application's (the single Vertx in the registry, as on Quarkus, or Camel Main's platform-http server), else one of the component's own, closed with it.")
    private Vertx vertx;
    @Metadata(label = "producer,advanced", defaultValue = "" + DEFAULT_MAX_CONNECTIONS,
              description = "The most connections to one API host at once (HTTP/1.1: one call in flight each); further calls wait for a free connection within their requestTimeout, and one that gets none fails with a retryable WaapiConnectionException, never sent. Not used with httpClient.")
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    @Metadata(label = "security", description = "TLS settings of the API calls.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the global SSL context parameters of the Camel context.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "consumer,advanced",
              description = "The name of the HTTP server component (or bean) that hosts the webhook consumer, a RestConsumerFactory such as platform-http; by default the REST configuration's component, else platform-http when on the classpath, else the only RestConsumerFactory present.")
    private String webhookComponentName;
    @Metadata(label = "producer,advanced",
              description = "A thread pool of your own that routes continue on after an API call answered; the component does not shut it down. It should not reject tasks (use an unbounded queue): a rejected continuation runs on the thread that completed the call.")
    private ExecutorService workerPool;
    @Metadata(label = "producer,advanced", defaultValue = "" + DEFAULT_WORKER_POOL_SIZE,
              description = "The threads of the component's Camel-managed pool that routes continue on after an API call answered; more answers than threads wait in the pool's queue, so a slow route never starts more threads.")
    private int workerPoolSize = DEFAULT_WORKER_POOL_SIZE;
    @Metadata(label = "health", defaultValue = "" + DEFAULT_HEALTH_CHECK_FAILURE_THRESHOLD,
              description = "How many authentication (401, 403) or connection failures in a row turn a producer's health check DOWN; a success turns it UP again.")
    private int healthCheckFailureThreshold = DEFAULT_HEALTH_CHECK_FAILURE_THRESHOLD;

    private final VertxClients vertxClients = new VertxClients(this);
    private final ObjectMapper objectMapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private ExecutorService managedWorkerPool;
    private ClaimKeepingMemoryRepository defaultSendOnceRepository;
    private volatile WaapiMetrics metrics;

    public WaapiComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        WaapiUriPath operation = WaapiUriPath.fromUri(remaining);
        if (operation == null) {
            throw new IllegalArgumentException(
                    "Unknown WAAPI operation '" + remaining + "' in waapi:" + remaining
                                               + "; valid are waapi:" + WaapiUriPath.WEBHOOK
                                               + " (consumer) and the producers waapi:"
                                               + String.join(", waapi:", WaapiUriPath.producerUris()));
        }
        // DefaultComponent sets the URI's parameters on the endpoint returned
        return new WaapiEndpoint(uri, this, operation, configuration.copy());
    }

    /**
     * The transport of an endpoint's calls: over the {@code httpClient} when one is configured, else over the
     * component's Vert.x client for the base URL's scheme and the endpoint's connect timeout, shared by the endpoints
     * that have the same.
     */
    WaapiTransport transport(ClientOptions options, long connectTimeout) throws Exception {
        if (httpClient != null) {
            return new JdkTransport(httpClient, options);
        }
        return vertxClients.transport(options, connectTimeout);
    }

    VertxClients vertxClients() {
        return vertxClients;
    }

    /** The TLS settings of the API calls: the component's, else the context's global ones when asked to; or null. */
    SSLContextParameters effectiveSslContextParameters() {
        return sslContextParameters != null
                ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
    }

    /**
     * The pool routes continue on after a call: {@code workerPool} when given, else a Camel-managed pool of
     * {@code workerPoolSize} threads whose queue holds the rest. The queue is unbounded on purpose: it holds at most
     * one task per exchange in flight, while a rejection would run the route on a thread of the transport or of the
     * JDK's timer.
     */
    synchronized ExecutorService workerPool() {
        if (workerPool != null) {
            return workerPool;
        }
        if (managedWorkerPool == null) {
            managedWorkerPool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "WaapiWorker",
                    fixedProfile("WaapiWorker", workerPoolSize));
        }
        return managedWorkerPool;
    }

    private static ThreadPoolProfile fixedProfile(String id, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(id);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        // Camel's pools hand over directly when the queue size is 0 or less: MAX_VALUE is how to ask for no bound
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setKeepAliveTime(60L);
        profile.setAllowCoreThreadTimeOut(true);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /**
     * The component's counters: in the application's Micrometer registry when the Camel registry holds one, else
     * counted nowhere. Looked up on first use (the first producer's start), so a registry bound with the routes is
     * found. The webhook consumer reports its deliveries here.
     */
    WaapiMetrics getMetrics() {
        WaapiMetrics current = metrics;
        if (current == null) {
            current = WaapiMetrics.lookup(getCamelContext().getRegistry());
            metrics = current;
        }
        return current;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (workerPoolSize < 1) {
            throw new IllegalArgumentException(
                    "workerPoolSize of the waapi component must be at least 1, not " + workerPoolSize);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException(
                    "maxConnections of the waapi component must be at least 1, not " + maxConnections);
        }
        SecretPlaceholders.checkComponent(configuration);
    }

    /**
     * The send-once repository of the endpoints that name none: in memory, shared by the component's endpoints, the
     * last {@value #DEFAULT_SEND_ONCE_CACHE_SIZE} sent keys; claims and unknown outcomes are kept until settled.
     */
    synchronized IdempotentRepository defaultSendOnceRepository() {
        if (defaultSendOnceRepository == null) {
            defaultSendOnceRepository = new ClaimKeepingMemoryRepository(DEFAULT_SEND_ONCE_CACHE_SIZE);
            ServiceHelper.startService(defaultSendOnceRepository);
        }
        return defaultSendOnceRepository;
    }

    ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    @Override
    protected void doStop() throws Exception {
        vertxClients.close();
        synchronized (this) {
            ServiceHelper.stopAndShutdownService(defaultSendOnceRepository);
            defaultSendOnceRepository = null;
            if (managedWorkerPool != null) {
                getCamelContext().getExecutorServiceManager().shutdown(managedWorkerPool);
                managedWorkerPool = null;
            }
        }
        metrics = null;
        super.doStop();
    }

    public WaapiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WaapiConfiguration configuration) {
        this.configuration = configuration;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public int getHealthCheckFailureThreshold() {
        return healthCheckFailureThreshold;
    }

    public void setHealthCheckFailureThreshold(int healthCheckFailureThreshold) {
        this.healthCheckFailureThreshold = healthCheckFailureThreshold;
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }
}
