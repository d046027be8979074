package com.easycrm4u.camel.waapi;

import java.time.Duration;

import com.easycrm4u.camel.waapi.client.ClientOptions;
import com.easycrm4u.camel.waapi.client.WaapiClient;
import com.easycrm4u.camel.waapi.internal.SendOnce;
import com.easycrm4u.camel.waapi.operation.WaapiUriPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Send WhatsApp messages and manage contacts through the WAAPI External API, and receive its signed webhooks.
 */
@ManagedResource(description = "Managed WAAPI endpoint")
@UriEndpoint(firstVersion = "1.0.0", scheme = WaapiConstants.SCHEME, title = "WAAPI", syntax = "waapi:operation",
             category = { Category.CLOUD, Category.API, Category.CHAT }, headersClass = WaapiConstants.class)
public class WaapiEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    // Camel's tooling lists the values of the enum (its toString) as the choices of this parameter
    @UriPath(description = "The API operation to call (producers), or webhook for the webhook consumer.")
    @Metadata(required = true)
    private final WaapiUriPath operation;
    @UriParam
    private WaapiConfiguration configuration;
    private volatile SendOnce sendOnce;

    WaapiEndpoint(String uri, WaapiComponent component, WaapiUriPath operation, WaapiConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public WaapiComponent getComponent() {
        return (WaapiComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (!operation.isProducer()) {
            throw new IllegalArgumentException(
                    "waapi:" + operation + " is a consumer and cannot send; the producers are waapi:"
                                               + String.join(", waapi:", WaapiUriPath.producerUris()));
        }
        return new WaapiProducer(this, operation.handler());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!isWebhook()) {
            throw new IllegalArgumentException(
                    "waapi:" + operation + " is a producer and cannot be a route's source; use from(\"waapi:"
                                               + WaapiUriPath.WEBHOOK + "\") to receive webhooks");
        }
        WaapiWebhookConsumer consumer = new WaapiWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * An endpoint's options are checked when it starts: a mistake fails the start, not every message. A secret that is
     * an unresolved placeholder fails every endpoint.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SecretPlaceholders.checkEndpoint("waapi:" + operation, configuration);
        if (!isWebhook()) {
            ProducerOptions.check(operation.uri(), configuration);
            ProducerOptions.warnIfClearText(operation.uri(), configuration.getBaseUrl());
            if (operation.handler().sendsMessage()) {
                IdempotentRepository repository = configuration.getSendOnceRepository();
                if (repository != null) {
                    ServiceHelper.startService(repository);
                } else {
                    repository = getComponent().defaultSendOnceRepository();
                }
                sendOnce = new SendOnce(repository, Duration.ofMillis(configuration.effectiveSendOnceClaimTimeout()));
            }
        }
    }

    /** The send-once keys of this endpoint's sends; null for an endpoint that sends no message (ping, contacts). */
    SendOnce sendOnce() {
        return sendOnce;
    }

    /**
     * Forgets what is known of a send-once key ({@link WaapiConstants#SEND_ONCE_KEY}) in this endpoint's
     * {@code sendOnceRepository}: sent, outcome unknown, or claimed by a send that never finished. The next send with
     * the key is then made. Meant for an operator who has found out whether the message of a key with an unknown
     * outcome arrived, and wants it sent (again); a send still in flight keeps holding the key off until it finishes.
     *
     * @return whether the key was known
     */
    @ManagedOperation(description = "Forgets a send-once key (sent, outcome unknown, or claimed by a send that never"
                                    + " finished), so the next send with it is made; returns whether it was known")
    public boolean clearSendOnceKey(String key) {
        if (sendOnce == null) {
            throw new IllegalStateException(
                    "waapi:" + operation + (isWebhook() ? " sends nothing" : " is not started or sends no message")
                                            + ": clear a send-once key on a started endpoint of a cloud or qr send");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Name the send-once key to clear");
        }
        return sendOnce.clear(key);
    }

    /**
     * A client of the API with this endpoint's base URL, credentials, timeouts and rate-limit retries, which were
     * checked when the endpoint started.
     *
     * @param onRateLimitRetry told each time a 429 is sent again
     */
    WaapiClient createClient(Runnable onRateLimitRetry) throws Exception {
        ClientOptions options = new ClientOptions(
                configuration.getBaseUrl(), configuration.getApiKey(),
                configuration.getApiSecret(), Duration.ofMillis(configuration.getRequestTimeout()),
                configuration.getRateLimitRetries(), Duration.ofMillis(configuration.getMaxRetryAfter()),
                configuration.getMaxResponseSize());
        return new WaapiClient(
                getComponent().transport(options, configuration.getConnectTimeout()),
                getComponent().workerPool(), getObjectMapper(), options, onRateLimitRetry);
    }

    private boolean isWebhook() {
        return !operation.isProducer();
    }

    /**
     * The JSON mapper of this endpoint's calls and webhook deliveries, shared by the component's endpoints: use it to
     * read or write the component's models the way the component does; do not reconfigure it.
     */
    public ObjectMapper getObjectMapper() {
        return getComponent().getObjectMapper();
    }

    @Override
    public String getServiceUrl() {
        return isWebhook() ? configuration.getPath() : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    /** The operation's URI path, e.g. {@code cloud/template}, or {@code webhook}. */
    public String getOperation() {
        return operation.uri();
    }

    public WaapiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WaapiConfiguration configuration) {
        this.configuration = configuration;
    }
}
