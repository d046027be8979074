package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * The webhook paths a Camel context serves, each with its {@link WebhookRegistration}: so that the consumers a route
 * creates one after another keep one registration on the HTTP server, and so that an HTTP host that reads request
 * bodies before Camel sees them (Spring MVC) can refuse a request from its headers and cap its body in front of that.
 */
public final class WebhookPaths {

    private final Map<String, WebhookRegistration> registrations = new ConcurrentHashMap<>();

    /** The paths of this context, created on first use. */
    public static WebhookPaths of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (extension) {
            WebhookPaths paths = extension.getContextPlugin(WebhookPaths.class);
            if (paths == null) {
                paths = new WebhookPaths();
                extension.addContextPlugin(WebhookPaths.class, paths);
            }
            return paths;
        }
    }

    /** The admission of the consumer serving this path (as the HTTP server sees it, from its root), or null. */
    public WebhookAdmission find(String path) {
        WebhookRegistration registration = path == null ? null : registrations.get(normalize(path));
        return registration != null ? registration.admission() : null;
    }

    /** The registration of this path, or null. */
    public WebhookRegistration registration(String path) {
        return registrations.get(normalize(path));
    }

    public void register(String path, WebhookRegistration registration) {
        registrations.put(normalize(path), registration);
    }

    public void unregister(String path, WebhookRegistration registration) {
        registrations.remove(normalize(path), registration);
    }

    /** The path with one leading slash and no trailing slash. */
    public static String normalize(String path) {
        String trimmed = path.trim();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return "/" + trimmed.substring(start, end);
    }
}
