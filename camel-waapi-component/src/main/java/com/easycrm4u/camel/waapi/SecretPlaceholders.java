package com.easycrm4u.camel.waapi;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Fails the start when a secret option (apiKey, apiSecret, webhookVerifyToken with every token of a rotation) still
 * holds a property placeholder that nothing resolved, such as {@code ${WAAPI_WEBHOOK_VERIFY_TOKEN}} from a Spring Boot
 * property whose environment variable is unset, or {@code {{waapi.token}}}: the component would otherwise sign and
 * verify with the placeholder's public text. The message names the option, never its value.
 */
final class SecretPlaceholders {

    /** {@code ${...}} or {@code {{...}}}, anywhere in the value. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|\\{\\{.*?}}", Pattern.DOTALL);

    private enum Secret {
        API_KEY("apiKey", "api-key", WaapiConfiguration::getApiKey),
        API_SECRET("apiSecret", "api-secret", WaapiConfiguration::getApiSecret),
        WEBHOOK_VERIFY_TOKEN("webhookVerifyToken", "webhook-verify-token", WaapiConfiguration::getWebhookVerifyToken);

        private final String option;
        private final String property;
        private final Function<WaapiConfiguration, String> value;

        Secret(String option, String property, Function<WaapiConfiguration, String> value) {
            this.option = option;
            this.property = property;
            this.value = value;
        }
    }

    private SecretPlaceholders() {
    }

    /** Whether the value holds a {@code ${...}} or {@code {{...}}} placeholder. */
    static boolean isUnresolved(String value) {
        return value != null && PLACEHOLDER.matcher(value).find();
    }

    /**
     * Checks the component's options.
     *
     * @throws IllegalArgumentException naming the first option that holds a placeholder
     */
    static void checkComponent(WaapiConfiguration configuration) {
        for (Secret secret : Secret.values()) {
            if (isUnresolved(secret.value.apply(configuration))) {
                throw unresolved("the waapi component option camel.component.waapi." + secret.property, secret);
            }
        }
    }

    /**
     * Checks an endpoint's options (those it takes from the component were checked when the component started).
     *
     * @throws IllegalArgumentException naming the first option that holds a placeholder
     */
    static void checkEndpoint(String endpoint, WaapiConfiguration configuration) {
        for (Secret secret : Secret.values()) {
            if (isUnresolved(secret.value.apply(configuration))) {
                throw unresolved("the option " + secret.option + " of " + endpoint, secret);
            }
        }
    }

    private static IllegalArgumentException unresolved(String where, Secret secret) {
        return new IllegalArgumentException(
                "The value of " + where + " is an unresolved property placeholder (${...} or {{...}}), not the "
                                            + secret.option + " itself (the value is not shown: it is a secret). Set the "
                                            + "environment variable or property that the placeholder names, or give "
                                            + "the option its real value, then start again.");
    }
}
