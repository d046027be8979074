package com.easycrm4u.camel.waapi.example.quarkus;

import java.util.Map;

import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the WAAPI sandbox before the application and gives it the sandbox's camel.component.waapi.* settings. */
public class WaapiSandboxResource implements QuarkusTestResourceLifecycleManager {

    private WaapiSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = WaapiSandbox.builder().build().start();
        return sandbox.camelProperties();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox, new TestInjector.MatchesType(WaapiSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
