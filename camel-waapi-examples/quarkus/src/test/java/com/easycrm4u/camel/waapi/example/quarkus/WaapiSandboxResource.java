package com.easycrm4u.camel.waapi.example.quarkus;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.easycrm4u.camel.waapi.example.ErpExampleChecks;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the WAAPI sandbox before the application, on a free port chosen now so that the sandbox knows the webhook URL
 * before the shipped batch goes out, and gives the application the sandbox's camel.component.waapi.* settings, the port
 * and a fresh work folder.
 */
public class WaapiSandboxResource implements QuarkusTestResourceLifecycleManager {

    private WaapiSandbox sandbox;
    private ErpExampleApplication application;

    /** Where the test finds the running application. */
    public record ErpExampleApplication(Path workDir, URI webhook) {
    }

    @Override
    public Map<String, String> start() {
        sandbox = ErpExampleChecks.startSandbox();
        // picked while the sandbox holds its port: picked before, the sandbox could be given the same free port
        int port = WaapiSandbox.freeLoopbackPort();
        application = new ErpExampleApplication(
                Path.of("target", "erp-example-" + UUID.randomUUID()).toAbsolutePath(),
                URI.create("http://127.0.0.1:" + port + "/waapi/webhook"));
        sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(), application.webhook().toString());

        Map<String, String> properties = new HashMap<>(sandbox.camelProperties());
        properties.put("quarkus.http.test-port", String.valueOf(port));
        properties.put("quarkus.http.test-host", "127.0.0.1");
        properties.put("example.work-dir", application.workDir().toString());
        return properties;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox, new TestInjector.MatchesType(WaapiSandbox.class));
        testInjector.injectIntoFields(application, new TestInjector.MatchesType(ErpExampleApplication.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
