package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * Starts the WAAPI sandbox in dev and test mode when the application has no API key configured, and gives the
 * {@code waapi} component its base URL, key, secret, sending number and webhook verify token; the sandbox's webhooks go
 * to the application's own {@code waapi:webhook}.
 */
class WaapiDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(WaapiDevServicesProcessor.class);

    static final String API_KEY = "camel.component.waapi.api-key";
    static final List<String> PROVIDED = List.of("camel.component.waapi.base-url", API_KEY,
            "camel.component.waapi.api-secret", "camel.component.waapi.from-phone-no",
            "camel.component.waapi.webhook-verify-token");
    /** The sandbox's root URL, where a test reads what it recorded ({@code RemoteSandbox.at(url)}). */
    static final String SANDBOX_URL = "waapi.sandbox.url";
    static final String TEST_PORT = "quarkus.http.test-port";

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void startSandbox(
            WaapiDevServicesConfig config, LaunchModeBuildItem launchMode,
            BuildProducer<DevServicesResultBuildItem> devServices) {
        if (!config.enabled()) {
            return;
        }
        Config application = ConfigProvider.getConfig();
        if (application.getConfigValue(API_KEY).getRawValue() != null) {
            LOG.debugf("%s is configured: no WAAPI Dev Service", API_KEY);
            return;
        }
        boolean console = config.console().orElse(launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT);
        Map<String, Function<WaapiSandboxDevService, String>> provided = new LinkedHashMap<>();
        for (String name : PROVIDED) {
            provided.put(name, sandbox -> sandbox.property(name));
        }
        provided.put(SANDBOX_URL, WaapiSandboxDevService::url);
        // a test whose HTTP port nobody chose gets a free one, known now, so the sandbox's webhooks reach it (rather
        // than Quarkus's fixed default, which another build on the machine may hold)
        Integer testPort = null;
        if (launchMode.getLaunchMode() == LaunchMode.TEST && config.webhookUrl().isEmpty()
                && !configured(application, TEST_PORT)) {
            String port = Integer.toString(WaapiSandbox.freeLoopbackPort());
            provided.put(TEST_PORT, sandbox -> port);
            testPort = Integer.valueOf(port);
        }
        Integer chosenTestPort = testPort;
        String webhookUrl = config.webhookUrl()
                .orElseGet(() -> ownWebhookUrl(application, launchMode.getLaunchMode(), chosenTestPort));
        devServices.produce(DevServicesResultBuildItem.<WaapiSandboxDevService> owned()
                .feature(WaapiProcessor.FEATURE)
                .serviceName("waapi-sandbox")
                .serviceConfig(config)
                .description("WAAPI sandbox" + (webhookUrl != null ? ", webhooks to " + webhookUrl : "")
                             + (console ? ", with its console" : ""))
                .startable(() -> new WaapiSandboxDevService(config.port().orElse(null), webhookUrl, console))
                .configProvider(provided)
                .build());
    }

    /** Set by the application (a file, the environment, a system property), not a default of Quarkus's. */
    private static boolean configured(Config application, String name) {
        ConfigValue value = application.getConfigValue(name);
        return value.getRawValue() != null && value.getSourceOrdinal() > 0;
    }

    /** The application's waapi:webhook URL on loopback, or null when its port is only chosen at start. */
    private static String ownWebhookUrl(Config application, LaunchMode launchMode, Integer chosenTestPort) {
        int port = chosenTestPort != null ? chosenTestPort
                : launchMode == LaunchMode.TEST
                        ? application.getOptionalValue(TEST_PORT, Integer.class).orElse(8081)
                : application.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        if (port == 0) {
            return null;
        }
        String root = application.getOptionalValue("quarkus.http.root-path", String.class).orElse("/");
        String path = application.getOptionalValue("camel.component.waapi.path", String.class).orElse("/waapi/webhook");
        return "http://127.0.0.1:" + port + (root.endsWith("/") ? root.substring(0, root.length() - 1) : root)
               + (path.startsWith("/") ? path : "/" + path);
    }
}
