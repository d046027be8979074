package com.easycrm4u.camel.waapi.springboot;

import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;

/**
 * Refuses a secret property that is still a placeholder when it reaches the component: Spring Boot binds
 * {@code ${WAAPI_WEBHOOK_VERIFY_TOKEN}} as that literal text when the variable is not set, and a verify token everyone
 * can read would accept forged deliveries (and refuse the genuine ones, which are then not sent again).
 */
final class UnresolvedSecrets {

    /** The secret options, by their Camel option name, with their property names. */
    private static final Map<String, String> SECRETS = Map.of(
            "apiKey", "api-key",
            "apiSecret", "api-secret",
            "webhookVerifyToken", "webhook-verify-token");

    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private UnresolvedSecrets() {
    }

    /**
     * @throws IllegalArgumentException naming the property (never its value) when one is an unresolved {@code ${...}}
     *                                  or a Camel {@code {{...}}} that Camel cannot resolve either
     */
    static void check(CamelContext context, Map<String, Object> options) {
        SECRETS.forEach((option, property) -> {
            if (options.get(option) instanceof String value && isUnresolved(context, value)) {
                throw new IllegalArgumentException(
                        "camel.component.waapi." + property + " is a placeholder that nothing resolves (its value is not "
                                                   + "shown, as it is a secret): set the environment variable or property it "
                                                   + "names, or remove the property");
            }
        });
    }

    private static boolean isUnresolved(CamelContext context, String value) {
        if (SPRING_PLACEHOLDER.matcher(value).find()) {
            return true;
        }
        if (value.contains("{{")) {
            try {
                context.resolvePropertyPlaceholders(value);
            } catch (RuntimeException e) {
                return true;
            }
        }
        return false;
    }
}
