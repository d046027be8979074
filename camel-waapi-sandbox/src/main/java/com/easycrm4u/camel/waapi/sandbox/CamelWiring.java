package com.easycrm4u.camel.waapi.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import org.apache.camel.CamelContext;

/**
 * Points Camel's {@code waapi} component at the sandbox: {@code baseUrl}, {@code apiKey}, {@code apiSecret},
 * {@code fromPhoneNo} (the key's first number) and {@code webhookVerifyToken}, on the component or as properties.
 */
final class CamelWiring {

    private static final String PREFIX = "camel.component.waapi.";

    private final Supplier<String> baseUrl;
    private final SendingNumbers numbers;

    CamelWiring(Supplier<String> baseUrl, SendingNumbers numbers) {
        this.baseUrl = baseUrl;
        this.numbers = numbers;
    }

    void configure(CamelContext context, SandboxApiKey key) {
        WaapiComponent component = context.getComponent("waapi", WaapiComponent.class);
        if (component == null) {
            throw new IllegalStateException("The Camel context has no waapi component; add camel-waapi to the classpath");
        }
        WaapiConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(baseUrl.get());
        configuration.setApiKey(key.getKey());
        configuration.setApiSecret(key.getSecret());
        configuration.setFromPhoneNo(PhoneNumbers.display(numbers.first(key)));
        configuration.setWebhookVerifyToken(key.getWebhookVerifyToken());
    }

    Map<String, String> properties(SandboxApiKey key) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "base-url", baseUrl.get());
        properties.put(PREFIX + "api-key", key.getKey());
        if (key.getSecret() != null) {
            properties.put(PREFIX + "api-secret", key.getSecret());
        }
        properties.put(PREFIX + "from-phone-no", PhoneNumbers.display(numbers.first(key)));
        if (key.getWebhookVerifyToken() != null) {
            properties.put(PREFIX + "webhook-verify-token", key.getWebhookVerifyToken());
        }
        return properties;
    }

    /** {@link #configure} plus the same values as override properties, which win over properties applied later. */
    void configureOverridingProperties(CamelContext context, SandboxApiKey key) {
        configure(context, key);
        properties(key).forEach(context.getPropertiesComponent()::addOverrideProperty);
    }
}
