package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Service;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Finds the HTTP server that hosts the webhook consumer: Camel's HTTP server SPI ({@link RestConsumerFactory}), so the
 * same route runs on Camel Main (camel-platform-http-main), Spring Boot and Quarkus.
 */
public final class WebhookHttpServer {

    static final String PLATFORM_HTTP = "platform-http";

    /** What to do when the HTTP server is there but cannot serve, e.g. no platform-http engine was set up. */
    static final String HOW_TO_SERVE = "give the context an HTTP server: on Camel Main, camel-platform-http-main with "
                                       + "camel.server.enabled=true; in a plain CamelContext (e.g. CamelTestSupport), "
                                       + "camel-platform-http-vertx with a VertxPlatformHttpServer service added before the "
                                       + "routes start; on Spring Boot, the camel-waapi-spring-boot-starter with "
                                       + "camel-platform-http-starter and spring-boot-starter-web; on Quarkus, the "
                                       + "camel-waapi-quarkus extension with camel-quarkus-platform-http";

    private static final String PLATFORM_HTTP_COMPONENT = "org.apache.camel.component.platform.http.PlatformHttpComponent";
    /**
     * Whether platform-http's Vert.x engine and Vert.x Web are on the class path (optional dependencies, checked by
     * name here and only here): {@link VertxWebhookRoute}, which links against them, is loaded only then.
     */
    private static final boolean PLATFORM_HTTP_VERTX
            = isPresent("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter")
                    && isPresent("io.vertx.ext.web.Router");

    private WebhookHttpServer() {
    }

    /**
     * Registers the path for POST requests on the server {@link #resolve} finds, and starts the registration. On
     * platform-http's Vert.x engine the path becomes a route of its router that reads the body within maxBodySize on
     * the event loop and hands the delivery to a worker once ({@link VertxWebhookRoute}); on another platform-http
     * engine the host's body handler is turned off, so the body reaches the consumer unread and is read there within
     * maxBodySize; on any other server the registration's dispatcher is its consumer's processor.
     *
     * @throws IllegalStateException naming what to set up, when the server cannot serve the path
     */
    public static Service register(
            CamelContext context, String webhookComponentName, String path,
            WebhookRegistration registration) {
        RestConsumerFactory factory = resolve(context, webhookComponentName);
        Map<String, Object> parameters = new HashMap<>();
        Service consumer = null;
        try {
            if (isPlatformHttp(factory)) {
                consumer = vertxRoute(context, factory, servedPath(context, path), registration);
                parameters.put("useBodyHandler", "false");
            }
            if (consumer == null) {
                consumer = factory.createConsumer(context, registration.dispatcher(), "POST", path, null, null, null,
                        context.getRestConfiguration(), parameters);
            }
            ServiceHelper.startService(consumer);
            return consumer;
        } catch (Exception e) {
            ServiceHelper.stopAndShutdownService(consumer);
            throw new IllegalStateException(
                    "waapi:webhook could not register POST " + path + " on the HTTP server ("
                                            + e.getMessage() + "); " + HOW_TO_SERVE,
                    e);
        }
    }

    /**
     * The route on platform-http's Vert.x router; null when camel-platform-http-vertx or Vert.x Web is not there (an
     * optional dependency: platform-http runs on another engine), or platform-http's engine is another.
     */
    private static Service vertxRoute(
            CamelContext context, RestConsumerFactory platformHttp, String servedPath,
            WebhookRegistration registration) {
        ServiceHelper.startService(platformHttp);
        return PLATFORM_HTTP_VERTX
                ? VertxWebhookRoute.of(context, platformHttp, servedPath, registration::processor)
                : null;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, WebhookHttpServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The factory to register the webhook path with, in this order: the component (or bean) named by
     * {@code webhookComponentName}; the REST configuration's component ({@code camel.rest.component});
     * {@code platform-http}, created when it is on the classpath; the single {@link RestConsumerFactory} among the
     * context's components or in the registry.
     *
     * @throws IllegalArgumentException when a named factory is missing or is no RestConsumerFactory
     * @throws IllegalStateException    when no HTTP server is present, naming the dependency to add
     */
    public static RestConsumerFactory resolve(CamelContext context, String webhookComponentName) {
        if (webhookComponentName != null && !webhookComponentName.isBlank()) {
            return lookupNamed(context, webhookComponentName, "webhookComponentName");
        }
        RestConfiguration restConfiguration = context.getRestConfiguration();
        String restComponent = restConfiguration != null ? restConfiguration.getComponent() : null;
        if (restComponent != null && !restComponent.isBlank()) {
            return lookupNamed(context, restComponent, "The REST configuration's component (camel.rest.component)");
        }
        if (context.getComponent(PLATFORM_HTTP, true) instanceof RestConsumerFactory platformHttp) {
            return platformHttp;
        }
        Set<RestConsumerFactory> factories = new LinkedHashSet<>();
        for (String name : context.getComponentNames()) {
            if (context.getComponent(name, false) instanceof RestConsumerFactory factory) {
                factories.add(factory);
            }
        }
        if (factories.isEmpty()) {
            factories.addAll(context.getRegistry().findByType(RestConsumerFactory.class));
        }
        if (factories.size() == 1) {
            return factories.iterator().next();
        }
        if (!factories.isEmpty()) {
            throw new IllegalStateException(
                    "waapi:webhook found " + factories.size() + " HTTP server components (RestConsumerFactory) and no "
                                            + PLATFORM_HTTP + "; choose one with the component option webhookComponentName "
                                            + "or with camel.rest.component");
        }
        throw new IllegalStateException(
                "waapi:webhook needs an HTTP server to receive webhooks and found none: add camel-platform-http with an engine "
                                        + "(Camel Main: camel-platform-http-main; Spring Boot: camel-platform-http-starter; "
                                        + "Quarkus: camel-quarkus-platform-http), or name another RestConsumerFactory component "
                                        + "with webhookComponentName");
    }

    /**
     * The path as the HTTP server serves it from its root: platform-http puts the REST configuration's context path
     * ({@code camel.rest.context-path}) in front.
     */
    public static String servedPath(CamelContext context, String path) {
        RestConfiguration restConfiguration = context.getRestConfiguration();
        String contextPath = restConfiguration != null ? restConfiguration.getContextPath() : null;
        String served = WebhookPaths.normalize(path);
        if (contextPath != null && !WebhookPaths.normalize(contextPath).equals("/")) {
            served = WebhookPaths.normalize(contextPath) + served;
        }
        return served;
    }

    private static boolean isPlatformHttp(RestConsumerFactory factory) {
        for (Class<?> type = factory.getClass(); type != null; type = type.getSuperclass()) {
            if (PLATFORM_HTTP_COMPONENT.equals(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static RestConsumerFactory lookupNamed(CamelContext context, String name, String source) {
        if (context.getRegistry().lookupByName(name) instanceof RestConsumerFactory factory) {
            return factory;
        }
        Component component = context.getComponent(name, true);
        if (component instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalArgumentException(
                source + " '" + name + "' " + (component == null ? "is not on the classpath" : "is no RestConsumerFactory")
                                           + ", so it cannot host waapi:webhook");
    }
}
