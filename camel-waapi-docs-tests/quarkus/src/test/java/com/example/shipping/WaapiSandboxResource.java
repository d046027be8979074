package com.example.shipping;

import java.util.HashMap;
import java.util.Map;

import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookCallback;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the sandbox before the application and gives it the sandbox's key and URL and the webhooks' port. */
public class WaapiSandboxResource implements QuarkusTestResourceLifecycleManager {

    private WaapiSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = WaapiSandbox.builder().build().start();
        // a free port picked now: the application's HTTP server (and its waapi:webhook) runs there
        WebhookCallback webhooks = sandbox.deliverWebhooksToFreePort();
        Map<String, String> properties = new HashMap<>(sandbox.camelProperties());
        properties.put("quarkus.http.test-port", Integer.toString(webhooks.port()));
        properties.put("quarkus.http.test-host", webhooks.host());
        return properties;
    }

    // fills the test's WaapiSandbox field
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sandbox, new TestInjector.MatchesType(WaapiSandbox.class));
    }

    @Override
    public void stop() {
        sandbox.close();
    }
}
