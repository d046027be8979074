package com.easycrm4u.camel.waapi.springboot;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.waapi.*} properties: every option of the WAAPI component, with the component's defaults
 * (its constants; Camel's own for the options every component has). Only the options that were bound (set in the
 * environment or through a setter) are applied to the component, so the defaults here never overwrite a value set on a
 * {@code WaapiComponent} or {@code WaapiConfiguration} bean of your own.
 * <p>
 * The configuration processor records only literal defaults, so the defaults of the IDE metadata are in
 * {@code additional-spring-configuration-metadata.json}; WaapiComponentConfigurationMetadataTest holds both to the
 * component.
 */
@ConfigurationProperties(prefix = "camel.component.waapi")
public class WaapiComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // not read: declared for its javadoc, the description the configuration processor gives the inherited property
    /**
     * Whether to enable auto configuration of the waapi component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * Root URL of the WAAPI External API.
     */
    private String baseUrl = WaapiConfiguration.DEFAULT_BASE_URL;
    /**
     * Default options of every endpoint of this component. A bean reference: #name or #bean:name.
     */
    private WaapiConfiguration configuration;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Comma-separated X-WAAPI-Event values to route; other events are acknowledged and not routed. Empty routes every
     * event.
     */
    private String events;
    /**
     * The largest delivery body accepted, in bytes; larger ones are answered 413 without being read further, on every
     * host.
     */
    private Long maxBodySize = WaapiConfiguration.DEFAULT_MAX_BODY_SIZE;
    /**
     * The most bytes the webhook consumer holds, in total, for bodies whose signature is not verified yet (being
     * received); a body that would go past it is answered 503 with Retry-After and its connection closed. Memory is
     * held only for bytes that really arrived, never for a declared Content-Length. At least maxBodySize.
     */
    private Long maxUnverifiedBytes = WaapiConfiguration.DEFAULT_MAX_UNVERIFIED_BYTES;
    /**
     * The most deliveries, signature verified, that wait for a worker thread to run the route (where the consumer reads
     * bodies on the Vert.x event loop: Camel Main, Quarkus); past it a delivery is answered 503 with Retry-After, which
     * WAAPI retries.
     */
    private Integer maxQueuedDeliveries = WaapiConfiguration.DEFAULT_MAX_QUEUED_DELIVERIES;
    /**
     * How long a sender may take to send the whole body once its headers are in; a body not complete by then is
     * answered 408 and its connection closed.
     */
    private Duration bodyReadTimeout = Duration.ofMillis(WaapiConfiguration.DEFAULT_BODY_READ_TIMEOUT);
    /**
     * The HTTP path the webhook consumer receives deliveries on.
     */
    private String path = WaapiConfiguration.DEFAULT_WEBHOOK_PATH;
    /**
     * true: one exchange per inbound message, status and template status change of a delivery; false: one exchange per
     * delivery with the whole envelope.
     */
    private Boolean split = WaapiConfiguration.DEFAULT_SPLIT;
    /**
     * Size of the default in-memory repository: how many routed events it remembers, so how far back a replay is still
     * recognised.
     */
    private Integer idempotentCacheSize = WaapiConfiguration.DEFAULT_IDEMPOTENT_CACHE_SIZE;
    /**
     * How long the claim of an event being routed holds off duplicates (answered 503) when the attempt that made it
     * never finishes, e.g. its node died: between one and two claimExpiry. Must be longer than the route takes.
     */
    private Duration claimExpiry = Duration.ofMillis(WaapiConfiguration.DEFAULT_CLAIM_EXPIRY);
    /**
     * Repository of the events already routed (keyed on signed content: message ids, status, a hash of the JSON) and of
     * the claims of events being routed, so a retry, duplicate or replay is not routed twice; share one (Hazelcast,
     * JDBC, Redis, ...) across the nodes of a cluster. Default: in memory, bounded by idempotentCacheSize. A bean
     * reference: #name or #bean:name.
     */
    private IdempotentRepository idempotentRepository;
    /**
     * Repository of the send-once keys (the CamelWaapiSendOnceKey header): which were sent, which are being sent, and
     * which have an unknown outcome. Each state change is one add or remove, so any IdempotentRepository shared by the
     * nodes works (JDBC, Hazelcast, Redis, Infinispan). Default: in memory, for one JVM that is not restarted. A bean
     * reference: #name or #bean:name.
     */
    private IdempotentRepository sendOnceRepository;
    /**
     * How long a claimed send-once key counts as in flight (between one and two sendOnceClaimTimeout); a claim older
     * than that, whose send never finished, reads as an unknown outcome, never as free. 0 (the default) derives it from
     * requestTimeout: twice requestTimeout, plus one requestTimeout and one maxRetryAfter per rate-limit retry (5.5
     * minutes with the defaults), longer than a call with all its retries can take.
     */
    private Duration sendOnceClaimTimeout = Duration.ZERO;
    /**
     * The name of the HTTP server component (or bean) that hosts the webhook consumer, a RestConsumerFactory such as
     * platform-http; by default the REST configuration's component, else platform-http when on the classpath, else the
     * only RestConsumerFactory present.
     */
    private String webhookComponentName;
    /**
     * Caption of media sends (at most 1024 characters).
     */
    private String caption;
    /**
     * Default country code for contact operations and combined sends, e.g. 91.
     */
    private String countryCode;
    /**
     * File name shown to the recipient of a document send.
     */
    private String filename;
    /**
     * Default sending number in E.164; must be bound to the API key.
     */
    private String fromPhoneNo;
    /**
     * Template language code for cloud/template, e.g. en or en_US.
     */
    private String language;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Message type of a combined send (cloud/send).
     */
    private String messageType;
    /**
     * Whether the first URL of a cloud/text message gets a link preview.
     */
    private Boolean previewUrl;
    /**
     * How often a call answered with 429 (rate limited, so not processed) is sent again, honouring Retry-After; 0 turns
     * this off.
     */
    private Integer rateLimitRetries = WaapiConfiguration.DEFAULT_RATE_LIMIT_RETRIES;
    /**
     * Default QR session to send from (qr operations only); an alternative to fromPhoneNo.
     */
    private String sessionId;
    /**
     * Template name for cloud/template, e.g. order_shipped.
     */
    private String templateName;
    /**
     * How long to wait for a TCP connection to the API.
     */
    private Duration connectTimeout = Duration.ofMillis(WaapiConfiguration.DEFAULT_CONNECT_TIMEOUT);
    /**
     * The longest wait before a rate-limited call is sent again, whatever Retry-After asks; a longer Retry-After fails
     * the call with a retryable WaapiRateLimitException instead.
     */
    private Duration maxRetryAfter = Duration.ofMillis(WaapiConfiguration.DEFAULT_MAX_RETRY_AFTER);
    /**
     * How long one API call may take, from sending the request to the end of the response.
     */
    private Duration requestTimeout = Duration.ofMillis(WaapiConfiguration.DEFAULT_REQUEST_TIMEOUT);
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * A java.net.http.HttpClient of your own for the API calls (proxy, executor, TLS), instead of the component's
     * Vert.x client; connectTimeout, maxConnections and sslContextParameters are then yours to set on it. A bean
     * reference: #name or #bean:name.
     */
    private HttpClient httpClient;
    /**
     * The Vert.x instance the API calls run on. By default the application's (the single Vertx in the registry, as on
     * Quarkus, or Camel Main's platform-http server), else one of the component's own, closed with it. A bean
     * reference: #name or #bean:name.
     */
    private Vertx vertx;
    /**
     * The API key, sent as the X-API-Key header (starts with waapi_). (secret)
     */
    private String apiKey;
    /**
     * The API secret, sent as the X-API-Secret header (starts with secr_). (secret)
     */
    private String apiSecret;
    /**
     * TLS settings of the API calls. A bean reference: #name or #bean:name.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the global SSL context parameters of the Camel context.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * Whether deliveries must carry a valid X-Hub-Signature-256; turning it off logs a warning at start.
     */
    private Boolean verifySignature = WaapiConfiguration.DEFAULT_VERIFY_SIGNATURE;
    /**
     * The API key's webhook verify token: the HMAC-SHA256 key of the X-Hub-Signature-256 header. Several tokens,
     * comma-separated, are all accepted (while a key is rotated). Required unless verifySignature=false.
     */
    private String webhookVerifyToken;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * How many authentication (401, 403) or connection failures in a row turn a producer's health check DOWN; a success
     * turns it UP again.
     */
    private Integer healthCheckFailureThreshold = WaapiComponent.DEFAULT_HEALTH_CHECK_FAILURE_THRESHOLD;
    /**
     * The most connections to one API host at once (HTTP/1.1: one call in flight each); further calls wait for a free
     * connection within their requestTimeout, and one that gets none fails with a retryable WaapiConnectionException,
     * never sent. Not used with httpClient.
     */
    private Integer maxConnections = 256;
    /**
     * The most bytes of an API answer that are read; a larger answer fails the call with a WaapiException saying so,
     * and the rest is not read.
     */
    private Integer maxResponseSize = WaapiConfiguration.DEFAULT_MAX_RESPONSE_SIZE;
    /**
     * A thread pool of your own that routes continue on after an API call answered; the component does not shut it
     * down. It should not reject tasks (use an unbounded queue): a rejected continuation runs on the thread that
     * completed the call. A bean reference: #name or #bean:name.
     */
    private ExecutorService workerPool;
    /**
     * The threads of the component's Camel-managed pool that routes continue on after an API call answered; more
     * answers than threads wait in the pool's queue, so a slow route never starts more threads.
     */
    private Integer workerPoolSize = WaapiComponent.DEFAULT_WORKER_POOL_SIZE;

    /** The options bound so far: a setter is only called for an option that is set. */
    private final Map<String, Object> configured = new LinkedHashMap<>();

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        configured.put("baseUrl", baseUrl);
    }

    public WaapiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WaapiConfiguration configuration) {
        this.configuration = configuration;
        configured.put("configuration", configuration);
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
        configured.put("bridgeErrorHandler", bridgeErrorHandler);
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
        configured.put("events", events);
    }

    public Long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Long maxBodySize) {
        this.maxBodySize = maxBodySize;
        configured.put("maxBodySize", maxBodySize);
    }

    public Long getMaxUnverifiedBytes() {
        return maxUnverifiedBytes;
    }

    public void setMaxUnverifiedBytes(Long maxUnverifiedBytes) {
        this.maxUnverifiedBytes = maxUnverifiedBytes;
        configured.put("maxUnverifiedBytes", maxUnverifiedBytes);
    }

    public Integer getMaxQueuedDeliveries() {
        return maxQueuedDeliveries;
    }

    public void setMaxQueuedDeliveries(Integer maxQueuedDeliveries) {
        this.maxQueuedDeliveries = maxQueuedDeliveries;
        configured.put("maxQueuedDeliveries", maxQueuedDeliveries);
    }

    public Duration getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    public void setBodyReadTimeout(Duration bodyReadTimeout) {
        this.bodyReadTimeout = bodyReadTimeout;
        configured.put("bodyReadTimeout", bodyReadTimeout);
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
        configured.put("path", path);
    }

    public Boolean getSplit() {
        return split;
    }

    public void setSplit(Boolean split) {
        this.split = split;
        configured.put("split", split);
    }

    public Duration getClaimExpiry() {
        return claimExpiry;
    }

    public void setClaimExpiry(Duration claimExpiry) {
        this.claimExpiry = claimExpiry;
        configured.put("claimExpiry", claimExpiry);
    }

    public Integer getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    public void setIdempotentCacheSize(Integer idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
        configured.put("idempotentCacheSize", idempotentCacheSize);
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
        configured.put("idempotentRepository", idempotentRepository);
    }

    public IdempotentRepository getSendOnceRepository() {
        return sendOnceRepository;
    }

    public void setSendOnceRepository(IdempotentRepository sendOnceRepository) {
        this.sendOnceRepository = sendOnceRepository;
        configured.put("sendOnceRepository", sendOnceRepository);
    }

    public Duration getSendOnceClaimTimeout() {
        return sendOnceClaimTimeout;
    }

    public void setSendOnceClaimTimeout(Duration sendOnceClaimTimeout) {
        this.sendOnceClaimTimeout = sendOnceClaimTimeout;
        configured.put("sendOnceClaimTimeout", sendOnceClaimTimeout);
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
        configured.put("webhookComponentName", webhookComponentName);
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
        configured.put("caption", caption);
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
        configured.put("countryCode", countryCode);
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
        configured.put("filename", filename);
    }

    public String getFromPhoneNo() {
        return fromPhoneNo;
    }

    public void setFromPhoneNo(String fromPhoneNo) {
        this.fromPhoneNo = fromPhoneNo;
        configured.put("fromPhoneNo", fromPhoneNo);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
        configured.put("language", language);
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
        configured.put("lazyStartProducer", lazyStartProducer);
    }

    public String getMessageType() {
        return messageType;
    }

    public void setMessageType(String messageType) {
        this.messageType = messageType;
        configured.put("messageType", messageType);
    }

    public Boolean getPreviewUrl() {
        return previewUrl;
    }

    public void setPreviewUrl(Boolean previewUrl) {
        this.previewUrl = previewUrl;
        configured.put("previewUrl", previewUrl);
    }

    public Integer getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(Integer rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
        configured.put("rateLimitRetries", rateLimitRetries);
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
        configured.put("sessionId", sessionId);
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
        configured.put("templateName", templateName);
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        configured.put("connectTimeout", connectTimeout);
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
        configured.put("maxRetryAfter", maxRetryAfter);
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        configured.put("requestTimeout", requestTimeout);
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
        configured.put("autowiredEnabled", autowiredEnabled);
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        configured.put("httpClient", httpClient);
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
        configured.put("vertx", vertx);
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
        configured.put("apiKey", apiKey);
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
        configured.put("apiSecret", apiSecret);
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
        configured.put("sslContextParameters", sslContextParameters);
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
        configured.put("useGlobalSslContextParameters", useGlobalSslContextParameters);
    }

    public Boolean getVerifySignature() {
        return verifySignature;
    }

    public void setVerifySignature(Boolean verifySignature) {
        this.verifySignature = verifySignature;
        configured.put("verifySignature", verifySignature);
    }

    public String getWebhookVerifyToken() {
        return webhookVerifyToken;
    }

    public void setWebhookVerifyToken(String webhookVerifyToken) {
        this.webhookVerifyToken = webhookVerifyToken;
        configured.put("webhookVerifyToken", webhookVerifyToken);
    }

    /**
     * The options that were set, by their Camel option name, in the order they were set; the component's
     * {@code configuration} comes first, as it replaces the object the other options are written into.
     */
    Map<String, Object> configuredOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        if (configured.containsKey("configuration")) {
            options.put("configuration", configured.get("configuration"));
        }
        options.putAll(configured);
        return options;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
        configured.put("healthCheckConsumerEnabled", healthCheckConsumerEnabled);
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
        configured.put("healthCheckProducerEnabled", healthCheckProducerEnabled);
    }

    public Integer getHealthCheckFailureThreshold() {
        return healthCheckFailureThreshold;
    }

    public void setHealthCheckFailureThreshold(Integer healthCheckFailureThreshold) {
        this.healthCheckFailureThreshold = healthCheckFailureThreshold;
        configured.put("healthCheckFailureThreshold", healthCheckFailureThreshold);
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
        configured.put("maxConnections", maxConnections);
    }

    public Integer getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Integer maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
        configured.put("maxResponseSize", maxResponseSize);
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
        configured.put("workerPool", workerPool);
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
        configured.put("workerPoolSize", workerPoolSize);
    }
}
