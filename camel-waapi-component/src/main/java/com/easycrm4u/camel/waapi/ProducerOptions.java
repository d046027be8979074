package com.easycrm4u.camel.waapi;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of a producer endpoint's options when it starts. A credential is never echoed: a message names the option
 * and what is wrong with it.
 */
final class ProducerOptions {

    private static final Logger LOG = LoggerFactory.getLogger(WaapiEndpoint.class);
    /** What an HTTP header value can carry safely: printable ASCII, no space. */
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ProducerOptions() {
    }

    /** Fails with an {@link IllegalArgumentException} that says what to change. */
    static void check(String operation, WaapiConfiguration configuration) {
        String endpoint = "waapi:" + operation;
        baseUrl(endpoint, configuration.getBaseUrl());
        if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
            throw new IllegalArgumentException(
                    endpoint
                                               + " needs an API key: set apiKey on the endpoint or the component (camel.component.waapi.api-key)");
        }
        credential(endpoint, "apiKey", configuration.getApiKey());
        credential(endpoint, "apiSecret", configuration.getApiSecret());
        positive(endpoint, "connectTimeout", configuration.getConnectTimeout(), "ms");
        positive(endpoint, "requestTimeout", configuration.getRequestTimeout(), "ms");
        positive(endpoint, "maxResponseSize", configuration.getMaxResponseSize(), "bytes");
        if (configuration.getMaxRetryAfter() < 0) {
            throw new IllegalArgumentException(
                    endpoint + ": maxRetryAfter must be 0 or more ms, not "
                                               + configuration.getMaxRetryAfter());
        }
        if (configuration.getRateLimitRetries() < 0) {
            throw new IllegalArgumentException(
                    endpoint + ": rateLimitRetries must be 0 (off) or more, not "
                                               + configuration.getRateLimitRetries());
        }
        if (configuration.getSendOnceClaimTimeout() < 0) {
            throw new IllegalArgumentException(
                    endpoint + ": sendOnceClaimTimeout must be 0 (derived from requestTimeout) or more ms, not "
                                               + configuration.getSendOnceClaimTimeout());
        }
    }

    /**
     * Warns when the credentials would cross a network in clear: plain http to a host that is not this machine. Runs
     * after {@link #check}, so the base URL has a host.
     */
    static void warnIfClearText(String operation, String baseUrl) {
        URI root = URI.create(baseUrl);
        if ("http".equalsIgnoreCase(root.getScheme()) && !isLoopback(root.getHost())) {
            LOG.warn("waapi:{} calls http://{}{} without TLS: the API key and secret travel in clear. Use an https:// baseUrl;"
                     + " plain http is meant for the sandbox on this machine (localhost, 127.0.0.1)",
                    operation, root.getHost(), root.getPort() > 0 ? ":" + root.getPort() : "");
        }
    }

    private static void baseUrl(String endpoint, String baseUrl) {
        URI root;
        try {
            root = baseUrl == null ? null : new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(endpoint + ": baseUrl is not a URL: " + e.getMessage(), e);
        }
        if (root == null || root.getHost() == null
                || !("http".equalsIgnoreCase(root.getScheme()) || "https".equalsIgnoreCase(root.getScheme()))) {
            throw new IllegalArgumentException(
                    endpoint + ": baseUrl must be an http or https URL with a host, not '" + baseUrl + "'");
        }
    }

    private static void credential(String endpoint, String option, String value) {
        if (value != null && !HEADER_SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    endpoint + ": " + option + " contains whitespace, a control character or a"
                                               + " non-ASCII character (often a line break at the end of a file or an"
                                               + " environment variable); remove it. The value is not shown.");
        }
    }

    private static void positive(String endpoint, String option, long value, String unit) {
        if (value <= 0) {
            throw new IllegalArgumentException(endpoint + ": " + option + " must be more than 0 " + unit + ", not " + value);
        }
    }

    /** @param host a URL's host: a name, an IPv4 address, or an IPv6 address in brackets (which InetAddress takes) */
    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host) || host.toLowerCase().endsWith(".localhost")) {
            return true;
        }
        if (!IPV4.matcher(host).matches() && !host.contains(":")) {
            // a name: resolving it here would block the start on DNS, and a name can point anywhere
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
