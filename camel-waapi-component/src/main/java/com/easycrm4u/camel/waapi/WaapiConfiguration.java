package com.easycrm4u.camel.waapi;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the WAAPI component; set on the component they are the defaults of every endpoint, and an endpoint URI
 * overrides them.
 */
@UriParams
public class WaapiConfiguration implements Cloneable {

    // the defaults of the options: the annotations, the fields below and the Spring Boot starter all take them from here
    public static final String DEFAULT_BASE_URL = "https://cname.betazen.vendor.waapi.easycrm4u.com/api/v1/external";
    /** Milliseconds. */
    public static final long DEFAULT_CONNECT_TIMEOUT = 10_000;
    /** Milliseconds. */
    public static final long DEFAULT_REQUEST_TIMEOUT = 30_000;
    public static final int DEFAULT_RATE_LIMIT_RETRIES = 3;
    /** Milliseconds. */
    public static final long DEFAULT_MAX_RETRY_AFTER = 60_000;
    public static final int DEFAULT_MAX_RESPONSE_SIZE = 1_048_576;
    public static final String DEFAULT_WEBHOOK_PATH = "/waapi/webhook";
    public static final boolean DEFAULT_VERIFY_SIGNATURE = true;
    public static final boolean DEFAULT_SPLIT = true;
    public static final int DEFAULT_IDEMPOTENT_CACHE_SIZE = 10_000;
    /** Milliseconds. */
    public static final long DEFAULT_CLAIM_EXPIRY = 60_000;
    public static final long DEFAULT_MAX_BODY_SIZE = 1_048_576;
    /**
     * 32 MiB: 32 bodies of the default maxBodySize at once, an eighth of a 256 MiB heap (a Spring Boot application on
     * Tomcat under the hostile-load run peaked close to 256 MiB with it, so not more).
     */
    public static final long DEFAULT_MAX_UNVERIFIED_BYTES = 33_554_432;
    /**
     * More than the concurrency a sender keeps up (the benchmarks drive 256), so a burst of genuine deliveries waits
     * rather than being refused; at WAAPI's deliveries of a few KB, a few MB held.
     */
    public static final int DEFAULT_MAX_QUEUED_DELIVERIES = 1000;
    /** Milliseconds. */
    public static final long DEFAULT_BODY_READ_TIMEOUT = 30_000;

    @UriParam(defaultValue = DEFAULT_BASE_URL, description = "Root URL of the WAAPI External API.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security", secret = true,
              description = "The API key, sent as the X-API-Key header (starts with waapi_).")
    private String apiKey;
    @UriParam(label = "security", secret = true,
              description = "The API secret, sent as the X-API-Secret header (starts with secr_).")
    private String apiSecret;

    @UriParam(label = "producer", description = "Default sending number in E.164; must be bound to the API key.")
    private String fromPhoneNo;
    @UriParam(label = "producer",
              description = "Default QR session to send from (qr operations only); an alternative to fromPhoneNo.")
    private String sessionId;
    @UriParam(label = "producer", description = "Default country code for contact operations and combined sends, e.g. +91.")
    private String countryCode;
    @UriParam(label = "producer", description = "Template name for cloud/template, e.g. order_shipped.")
    private String templateName;
    @UriParam(label = "producer", description = "Template language code for cloud/template, e.g. en or en_US.")
    private String language;
    @UriParam(label = "producer", description = "Whether the first URL of a cloud/text message gets a link preview.")
    private Boolean previewUrl;
    @UriParam(label = "producer", description = "Caption of media sends (at most 1024 characters).")
    private String caption;
    @UriParam(label = "producer", description = "File name shown to the recipient of a document send.")
    private String filename;
    @UriParam(label = "producer", enums = "text,image,video,audio,document,template,buttons,list,cta",
              description = "Message type of a combined send (cloud/send).")
    private String messageType;

    @UriParam(label = "producer,advanced", defaultValue = "" + DEFAULT_CONNECT_TIMEOUT, javaType = "java.time.Duration",
              description = "How long to wait for a TCP connection to the API.")
    private long connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    @UriParam(label = "producer,advanced", defaultValue = "" + DEFAULT_REQUEST_TIMEOUT, javaType = "java.time.Duration",
              description = "How long one API call may take, from sending the request to the end of the response.")
    private long requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_RATE_LIMIT_RETRIES,
              description = "How often a call answered with 429 (rate limited, so not processed) is sent again, honouring Retry-After; 0 turns this off.")
    private int rateLimitRetries = DEFAULT_RATE_LIMIT_RETRIES;
    @UriParam(label = "producer,advanced", defaultValue = "" + DEFAULT_MAX_RETRY_AFTER, javaType = "java.time.Duration",
              description = "The longest wait before a rate-limited call is sent again, whatever Retry-After asks; a longer Retry-After fails the call with a retryable WaapiRateLimitException instead.")
    private long maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    @UriParam(label = "producer,advanced", defaultValue = "" + DEFAULT_MAX_RESPONSE_SIZE,
              description = "The most bytes of an API answer that are read; a larger answer fails the call with a WaapiException saying so, and the rest is not read.")
    private int maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

    @UriParam(label = "producer",
              description = "Repository of the send-once keys (the CamelWaapiSendOnceKey header): which were sent, which are being sent, and which have an unknown outcome. Each state change is one add or remove, so any IdempotentRepository shared by the nodes works (JDBC, Hazelcast, Redis, Infinispan). Default: in memory, for one JVM that is not restarted.")
    private IdempotentRepository sendOnceRepository;
    @UriParam(label = "producer,advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "How long a claimed send-once key counts as in flight (between one and two sendOnceClaimTimeout); a claim older than that, whose send never finished, reads as an unknown outcome, never as free. 0 (the default) derives it from requestTimeout: twice requestTimeout, plus one requestTimeout and one maxRetryAfter per rate-limit retry (5.5 minutes with the defaults), longer than a call with all its retries can take.")
    private long sendOnceClaimTimeout;

    @UriParam(label = "consumer", defaultValue = DEFAULT_WEBHOOK_PATH,
              description = "The HTTP path the webhook consumer receives deliveries on.")
    private String path = DEFAULT_WEBHOOK_PATH;
    @UriParam(label = "consumer,security", secret = true,
              description = "The API key's webhook verify token: the HMAC-SHA256 key of the X-Hub-Signature-256 header. Several tokens, comma-separated, are all accepted (while a key is rotated). Required unless verifySignature=false.")
    private String webhookVerifyToken;
    @UriParam(label = "consumer,security", defaultValue = "" + DEFAULT_VERIFY_SIGNATURE,
              description = "Whether deliveries must carry a valid X-Hub-Signature-256; turning it off logs a warning at start.")
    private boolean verifySignature = DEFAULT_VERIFY_SIGNATURE;
    @UriParam(label = "consumer",
              description = "Comma-separated X-WAAPI-Event values to route; other events are acknowledged and not routed. Empty routes every event.")
    private String events;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_SPLIT,
              description = "true: one exchange per inbound message, status and template status change of a delivery; false: one exchange per delivery with the whole envelope.")
    private boolean split = DEFAULT_SPLIT;
    @UriParam(label = "consumer,advanced",
              description = "Repository of the events already routed (keyed on signed content: message ids, status, a hash of the JSON) and of the claims of events being routed, so a retry, duplicate or replay is not routed twice; share one (Hazelcast, JDBC, Redis, ...) across the nodes of a cluster. Default: in memory, bounded by idempotentCacheSize.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_IDEMPOTENT_CACHE_SIZE,
              description = "Size of the default in-memory repository: how many routed events it remembers, so how far back a replay is still recognised.")
    private int idempotentCacheSize = DEFAULT_IDEMPOTENT_CACHE_SIZE;
    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_CLAIM_EXPIRY, javaType = "java.time.Duration",
              description = "How long the claim of an event being routed holds off duplicates (answered 503) when the attempt that made it never finishes, e.g. its node died: between one and two claimExpiry. Must be longer than the route takes.")
    private long claimExpiry = DEFAULT_CLAIM_EXPIRY;
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_MAX_BODY_SIZE,
              description = "The largest delivery body accepted, in bytes; larger ones are answered 413 without being read further, on every host.")
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_MAX_UNVERIFIED_BYTES,
              description = "The most bytes the webhook consumer holds, in total, for bodies whose signature is not verified yet (being received); a body that would go past it is answered 503 with Retry-After and its connection closed. Memory is held only for bytes that really arrived, never for a declared Content-Length. At least maxBodySize.")
    private long maxUnverifiedBytes = DEFAULT_MAX_UNVERIFIED_BYTES;
    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_MAX_QUEUED_DELIVERIES,
              description = "The most deliveries, signature verified, that wait for a worker thread to run the route (where the consumer reads bodies on the Vert.x event loop: Camel Main, Quarkus); past it a delivery is answered 503 with Retry-After, which WAAPI retries.")
    private int maxQueuedDeliveries = DEFAULT_MAX_QUEUED_DELIVERIES;
    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_BODY_READ_TIMEOUT, javaType = "java.time.Duration",
              description = "How long a sender may take to send the whole body once its headers are in; a body not complete by then is answered 408 and its connection closed.")
    private long bodyReadTimeout = DEFAULT_BODY_READ_TIMEOUT;

    public WaapiConfiguration copy() {
        try {
            return (WaapiConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public String getFromPhoneNo() {
        return fromPhoneNo;
    }

    public void setFromPhoneNo(String fromPhoneNo) {
        this.fromPhoneNo = restorePlus(fromPhoneNo);
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = restorePlus(countryCode);
    }

    /**
     * An endpoint URI decodes the + of {@code fromPhoneNo=+91...} to a space (the Endpoint DSL and YAML parameters
     * write such URIs too); a number never starts with a space, so the + is put back.
     */
    private static String restorePlus(String number) {
        if (number != null && number.length() > 1 && number.charAt(0) == ' ' && Character.isDigit(number.charAt(1))) {
            return "+" + number.substring(1);
        }
        return number;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Boolean getPreviewUrl() {
        return previewUrl;
    }

    public void setPreviewUrl(Boolean previewUrl) {
        this.previewUrl = previewUrl;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getMessageType() {
        return messageType;
    }

    public void setMessageType(String messageType) {
        this.messageType = messageType;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(int rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public IdempotentRepository getSendOnceRepository() {
        return sendOnceRepository;
    }

    public void setSendOnceRepository(IdempotentRepository sendOnceRepository) {
        this.sendOnceRepository = sendOnceRepository;
    }

    public long getSendOnceClaimTimeout() {
        return sendOnceClaimTimeout;
    }

    public void setSendOnceClaimTimeout(long sendOnceClaimTimeout) {
        this.sendOnceClaimTimeout = sendOnceClaimTimeout;
    }

    /**
     * The claim timeout of send once: {@code sendOnceClaimTimeout}, or when 0 the longest a call can take with all its
     * rate-limit retries, plus one requestTimeout.
     */
    long effectiveSendOnceClaimTimeout() {
        if (sendOnceClaimTimeout > 0) {
            return sendOnceClaimTimeout;
        }
        return (rateLimitRetries + 2L) * requestTimeout + rateLimitRetries * maxRetryAfter;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getWebhookVerifyToken() {
        return webhookVerifyToken;
    }

    public void setWebhookVerifyToken(String webhookVerifyToken) {
        this.webhookVerifyToken = webhookVerifyToken;
    }

    public boolean isVerifySignature() {
        return verifySignature;
    }

    public void setVerifySignature(boolean verifySignature) {
        this.verifySignature = verifySignature;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public boolean isSplit() {
        return split;
    }

    public void setSplit(boolean split) {
        this.split = split;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }

    public long getClaimExpiry() {
        return claimExpiry;
    }

    public void setClaimExpiry(long claimExpiry) {
        this.claimExpiry = claimExpiry;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public long getMaxUnverifiedBytes() {
        return maxUnverifiedBytes;
    }

    public void setMaxUnverifiedBytes(long maxUnverifiedBytes) {
        this.maxUnverifiedBytes = maxUnverifiedBytes;
    }

    public int getMaxQueuedDeliveries() {
        return maxQueuedDeliveries;
    }

    public void setMaxQueuedDeliveries(int maxQueuedDeliveries) {
        this.maxQueuedDeliveries = maxQueuedDeliveries;
    }

    public long getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    public void setBodyReadTimeout(long bodyReadTimeout) {
        this.bodyReadTimeout = bodyReadTimeout;
    }

    @Override
    public String toString() {
        // secrets are left out on purpose
        return "WaapiConfiguration[baseUrl=" + baseUrl + ", fromPhoneNo=" + fromPhoneNo + ", sessionId=" + sessionId
               + ", path=" + path + ", verifySignature=" + verifySignature + "]";
    }
}
