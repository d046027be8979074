package com.easycrm4u.camel.waapi.webhook;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;

/**
 * Finds the HTTP server that hosts the webhook consumer: Camel's HTTP server SPI ({@link RestConsumerFactory}), so the
 * same route runs on Camel Main (camel-platform-http-main), Spring Boot and Quarkus.
 */
public final class WebhookHttpServer {

    static final String PLATFORM_HTTP = "platform-http";

    private WebhookHttpServer() {
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
        if (factories.size() > 1) {
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
