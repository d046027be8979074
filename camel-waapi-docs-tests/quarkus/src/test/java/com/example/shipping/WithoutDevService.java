package com.example.shipping;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** For a test that starts a sandbox of its own (WaapiSandboxResource): no WAAPI Dev Service. */
public class WithoutDevService implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.camel.waapi.devservices.enabled", "false");
    }
}
