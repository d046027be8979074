package com.easycrm4u.camel.waapi.sandbox;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who is calling (the 401s) and what they may do (the 403s), in the order docs/sandbox.md lists them. */
class ApiAuthenticatorTest {

    private final ApiKeys keys = new ApiKeys(new SendingNumbers());
    private final ApiAuthenticator authenticator = new ApiAuthenticator(keys);

    ApiAuthenticatorTest() {
        keys.add(SandboxApiKey.builder("waapi_secret").secret("secr_1").name("Secret").build());
        keys.add(SandboxApiKey.builder("waapi_open").name("Open").build());
    }

    @Test
    void theKeyComesFromXApiKeyOrElseFromABearerAuthorization() {
        assertThat(authenticator.authenticate(headers("X-API-Key", " waapi_open ")).getName()).isEqualTo("Open");
        assertThat(authenticator.authenticate(headers("Authorization", "Bearer waapi_open")).getName()).isEqualTo("Open");
        assertThat(authenticator.authenticate(headers("X-API-Key", " ", "Authorization", "Bearer waapi_open")).getName())
                .as("a blank X-API-Key").isEqualTo("Open");
        assertThat(authenticator.authenticate(headers("X-API-Key", "waapi_open", "Authorization", "Bearer waapi_x"))
                .getName()).as("X-API-Key first").isEqualTo("Open");
        assertThat(authenticator.authenticate(headers("X-API-Key", "waapi_secret", "X-API-Secret", " secr_1 ")).getName())
                .isEqualTo("Secret");
    }

    @Test
    void withoutAKeyOrWithAWrongOneOrItsSecretMissingOrWrongTheAnswerIs401() {
        assertUnauthorized(headers(), "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)");
        assertUnauthorized(headers("Authorization", "Basic d2FhcGk="),
                "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)");
        assertUnauthorized(headers("Authorization", "Bearer  "),
                "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)");
        assertUnauthorized(headers("X-API-Key", "waapi_nobody"), "Invalid API key");
        assertUnauthorized(headers("X-API-Key", "waapi_secret"), "API secret required (X-API-Secret header)");
        assertUnauthorized(headers("X-API-Key", "waapi_secret", "X-API-Secret", " "),
                "API secret required (X-API-Secret header)");
        assertUnauthorized(headers("X-API-Key", "waapi_secret", "X-API-Secret", "secr_2"), "Invalid API secret");
    }

    @Test
    void aRouteChecksTheServiceThenTheScopeThenThePermission() {
        SandboxApiKey qrReader = SandboxApiKey.builder("waapi_qr").services(SandboxApiKey.Service.QR)
                .scope(SandboxApiKey.Scope.READ).permissions().build();
        ApiRoutes.Route cloudSend = new ApiRoutes.Route(
                "POST", SandboxApiKey.Service.CLOUD_API, true,
                SandboxApiKey.MESSAGES_SEND, (key, body) -> null);
        ApiRoutes.Route qrSend = new ApiRoutes.Route(
                "POST", SandboxApiKey.Service.QR, true, SandboxApiKey.MESSAGES_SEND,
                (key, body) -> null);
        ApiRoutes.Route contactWrite = new ApiRoutes.Route(
                "POST", null, true, SandboxApiKey.CONTACTS_WRITE,
                (key, body) -> null);
        ApiRoutes.Route sessions = new ApiRoutes.Route(
                "GET", SandboxApiKey.Service.QR, false, SandboxApiKey.MESSAGES_READ,
                (key, body) -> null);
        ApiRoutes.Route ping = new ApiRoutes.Route("GET", null, false, null, (key, body) -> null);

        assertForbidden(qrReader, cloudSend, "message", "This API key is not authorized for the WhatsApp Cloud API service");
        assertForbidden(qrReader, qrSend, "message", "API key scope 'read' does not permit send actions");
        assertForbidden(qrReader, contactWrite, "message", "API key scope 'read' does not permit write actions");
        assertForbidden(qrReader, sessions, "error", "API key needs 'messages.read' permission");
        ApiAuthenticator.authorize(qrReader, ping);
        ApiAuthenticator.authorize(SandboxApiKey.builder("waapi_all").build(), cloudSend);
    }

    private void assertUnauthorized(Headers headers, String message) {
        assertThatThrownBy(() -> authenticator.authenticate(headers)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.field()).isEqualTo("message");
        }).hasMessage(message);
    }

    private static void assertForbidden(SandboxApiKey key, ApiRoutes.Route route, String field, String text) {
        assertThatThrownBy(() -> ApiAuthenticator.authorize(key, route)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.field()).isEqualTo(field);
        }).hasMessage(text);
    }

    private static Headers headers(String... namesAndValues) {
        Headers headers = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
