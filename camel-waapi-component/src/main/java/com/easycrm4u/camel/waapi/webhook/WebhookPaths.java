package com.easycrm4u.camel.waapi.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * The webhook paths a Camel context serves right now, each with its {@link WebhookAdmission}, so that an HTTP host that
 * reads request bodies before Camel sees them (Spring MVC) can refuse a request from its headers and cap its body in
 * front of that. Consumers register their path when they start and remove it when they stop.
 */
public final class WebhookPaths {

    private final Map<String, WebhookAdmission> admissions = new ConcurrentHashMap<>();

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
        return path == null ? null : admissions.get(normalize(path));
    }

    public void register(String path, WebhookAdmission admission) {
        admissions.put(normalize(path), admission);
    }

    public void unregister(String path, WebhookAdmission admission) {
        admissions.remove(normalize(path), admission);
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
