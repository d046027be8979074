package com.easycrm4u.camel.waapi.docs;

import com.easycrm4u.camel.waapi.WaapiComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Loads a YAML block as Camel YAML DSL routes into a context whose {@code waapi} component has credentials, and builds
 * the routes (every endpoint URI and option is resolved) without starting their consumers.
 */
final class YamlSnippets {

    private YamlSnippets() {
    }

    static void load(Snippet snippet) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            WaapiComponent waapi = context.getComponent("waapi", WaapiComponent.class);
            waapi.getConfiguration().setApiKey("waapi_docs_key");
            waapi.getConfiguration().setApiSecret("secr_docs_secret");
            waapi.getConfiguration().setFromPhoneNo("+917890000199");
            waapi.getConfiguration().setWebhookVerifyToken("docs_webhook_token");
            context.setAutoStartup(false);
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString(snippet.where().replaceAll("\\W", "-") + ".yaml", snippet.text()));
            context.start();
            if (context.getRoutes().isEmpty() && context.getRouteDefinitions().isEmpty()
                    && !snippet.text().contains("errorHandler") && !snippet.text().contains("onException")) {
                throw new AssertionError(snippet.where() + ": no route in the YAML block");
            }
        }
    }
}
