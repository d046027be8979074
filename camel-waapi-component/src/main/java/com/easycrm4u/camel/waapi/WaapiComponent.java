package com.easycrm4u.camel.waapi;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;

import com.easycrm4u.camel.waapi.operation.WaapiOperations;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code waapi:} component: producers for every WAAPI External API operation and a verified webhook consumer.
 */
@Component("waapi")
public class WaapiComponent extends DefaultComponent implements SSLContextParametersAware {

    static final String WEBHOOK = "webhook";

    @Metadata(description = "Default options of every endpoint of this component.")
    private WaapiConfiguration configuration = new WaapiConfiguration();
    @Metadata(label = "advanced",
              description = "A java.net.http.HttpClient of your own for the API calls (proxy, executor, TLS); connectTimeout and sslContextParameters are then yours to set on it.")
    private HttpClient httpClient;
    @Metadata(label = "security", description = "TLS settings of the API calls.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSL context parameters of the Camel context.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "consumer,advanced",
              description = "The name of the HTTP server component (or bean) that hosts the webhook consumer, a RestConsumerFactory such as platform-http; by default the REST configuration's component, else platform-http when on the classpath, else the only RestConsumerFactory present.")
    private String webhookComponentName;

    private final Map<Long, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();
    private final ObjectMapper objectMapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private ExecutorService httpExecutor;

    public WaapiComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!WEBHOOK.equals(remaining) && WaapiOperations.find(remaining) == null) {
            throw new IllegalArgumentException("Unknown WAAPI operation '" + remaining + "' in waapi:" + remaining
                                               + "; valid are waapi:" + WEBHOOK + " (consumer) and the producers waapi:"
                                               + String.join(", waapi:", WaapiOperations.uris()));
        }
        WaapiEndpoint endpoint = new WaapiEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The HTTP client for API calls: the one configured, or one shared by every endpoint with the same connect timeout.
     */
    HttpClient httpClient(long connectTimeout) throws Exception {
        if (httpClient != null) {
            return httpClient;
        }
        SSLContextParameters ssl = sslContextParameters != null
                ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        SSLContext sslContext = ssl != null ? ssl.createSSLContext(getCamelContext()) : null;
        return clientsByConnectTimeout.computeIfAbsent(connectTimeout, timeout -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(timeout))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(httpExecutor());
            if (sslContext != null) {
                builder.sslContext(sslContext);
            }
            return builder.build();
        });
    }

    /** The Camel-managed pool the HTTP client and the completions of API calls run on. */
    synchronized ExecutorService httpExecutor() {
        if (httpExecutor == null) {
            httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "WaapiHttpClient");
        }
        return httpExecutor;
    }

    ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    @Override
    protected void doStop() throws Exception {
        clientsByConnectTimeout.clear();
        synchronized (this) {
            if (httpExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(httpExecutor);
                httpExecutor = null;
            }
        }
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

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }
}
