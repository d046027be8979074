package com.easycrm4u.camel.waapi.springboot;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The application.properties of docs/spring-boot.md take the secrets from environment variables; with one of them not
 * set, the application does not start, and says which property, not what it holds.
 */
class UnsetSecretVariableTest {

    @ParameterizedTest
    @ValueSource(strings = { "api-key", "api-secret", "webhook-verify-token" })
    void anUnsetVariableFailsTheStartNamingTheProperty(String unset) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        for (String property : List.of("api-key", "api-secret", "webhook-verify-token")) {
            // the variables are named so that no environment has them
            String variable = "WAAPI_TEST_UNSET_" + property.toUpperCase().replace('-', '_');
            args.add("--camel.component.waapi." + property + "="
                     + (property.equals(unset) ? "${" + variable + "}" : "a-" + property + "-value"));
        }

        Throwable failure = catchThrowable(() -> SpringApplication.run(WebhookOnly.class, args.toArray(String[]::new)).close());

        assertThat(failure).as("the application started").isNotNull();
        String variable = "WAAPI_TEST_UNSET_" + unset.toUpperCase().replace('-', '_');
        assertNamesTheProperty(failure, unset, variable);
        // the secrets that were set are never shown
        assertThat(messages(failure)).noneMatch(message -> message.contains("-value"));
    }

    /**
     * On Camel 4.18 our check names the property and not the placeholder. Camel 4.22's Spring Boot security policy
     * resolves every Camel property first and fails the start already, with Spring's own message naming the variable
     * that is not set (the variable's name, not a secret): either way the application does not start.
     */
    private static void assertNamesTheProperty(Throwable failure, String property, String variable) {
        List<String> messages = messages(failure);
        boolean ours = messages.stream().anyMatch(m -> m.contains("camel.component.waapi." + property + " is a placeholder"));
        boolean springs = messages.stream().anyMatch(m -> m.contains("Could not resolve placeholder '" + variable + "'"));
        assertThat(ours || springs).as("the failure names camel.component.waapi." + property + " or " + variable + ": "
                                       + messages)
                .isTrue();
        if (ours) {
            assertThat(messages).noneMatch(message -> message.contains(variable));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{{waapi.test.not.defined}}", "tok1,${WAAPI_TEST_UNSET_SECOND_TOKEN}" })
    void anUnresolvedCamelPlaceholderOrOneOfSeveralTokensFailsTheStartToo(String token) {
        Throwable failure = catchThrowable(() -> SpringApplication.run(WebhookOnly.class, "--server.port=0",
                "--spring.main.banner-mode=off", "--camel.component.waapi.webhook-verify-token=" + token).close());

        assertThat(failure).as("the application started").isNotNull();
        if (token.startsWith("{{")) {
            assertThat(failure).hasStackTraceContaining("camel.component.waapi.webhook-verify-token is a placeholder");
        } else {
            assertNamesTheProperty(failure, "webhook-verify-token", "WAAPI_TEST_UNSET_SECOND_TOKEN");
        }
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WebhookOnly {

        @Bean
        RouteBuilder webhookRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("waapi:webhook").to("log:webhook");
                }
            };
        }
    }
}
