package com.easycrm4u.camel.waapi.sandbox;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pointing Camel at the sandbox with a key that has no secret nor verify token, and is bound to one number. */
class CamelWiringTest {

    private static final SandboxApiKey OPEN = SandboxApiKey.builder("waapi_open").name("Open").numbers("+4915112345678")
            .build();

    @Test
    void aKeyWithoutSecretOrTokenLeavesThemUnset() throws Exception {
        try (WaapiSandbox sandbox = WaapiSandbox.builder().apiKey(OPEN).build().start();
             CamelContext context = new DefaultCamelContext()) {
            assertThat(sandbox.camelProperties(OPEN)).containsExactly(
                    java.util.Map.entry("camel.component.waapi.base-url", sandbox.getBaseUrl()),
                    java.util.Map.entry("camel.component.waapi.api-key", "waapi_open"),
                    java.util.Map.entry("camel.component.waapi.from-phone-no", "+4915112345678"));

            sandbox.configureOverridingProperties(context);

            WaapiConfiguration configuration = context.getComponent("waapi", WaapiComponent.class).getConfiguration();
            assertThat(configuration.getBaseUrl()).isEqualTo(sandbox.getBaseUrl());
            assertThat(configuration.getApiKey()).isEqualTo("waapi_open");
            assertThat(configuration.getApiSecret()).isNull();
            assertThat(configuration.getWebhookVerifyToken()).isNull();
            assertThat(configuration.getFromPhoneNo()).isEqualTo("+4915112345678");
            assertThat(context.getPropertiesComponent().resolveProperty("camel.component.waapi.api-key"))
                    .contains("waapi_open");
            assertThat(context.getPropertiesComponent().resolveProperty("camel.component.waapi.api-secret")).isEmpty();
        }
    }
}
