package com.easycrm4u.camel.waapi.sandbox;

import com.sun.net.httpserver.Headers;

/**
 * Who is calling and what they may do: the key in {@code X-API-Key} (or {@code Authorization: Bearer}), its secret in
 * {@code X-API-Secret}, then the route's service, scope and permission, with the reference's answers.
 */
final class ApiAuthenticator {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    ApiAuthenticator(ApiKeys keys) {
        this.keys = keys;
    }

    SandboxApiKey authenticate(Headers headers) {
        String presented = headers.getFirst("X-API-Key");
        String authorization = headers.getFirst("Authorization");
        if (isBlank(presented) && authorization != null && authorization.startsWith(BEARER)) {
            presented = authorization.substring(BEARER.length());
        }
        if (isBlank(presented)) {
            throw ApiError.message(401, "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)");
        }
        SandboxApiKey key = keys.find(presented.trim());
        if (key == null) {
            throw ApiError.message(401, "Invalid API key");
        }
        if (key.getSecret() != null) {
            String secret = headers.getFirst("X-API-Secret");
            if (isBlank(secret)) {
                throw ApiError.message(401, "API secret required (X-API-Secret header)");
            }
            if (!key.hasSecret(secret.trim())) {
                throw ApiError.message(401, "Invalid API secret");
            }
        }
        return key;
    }

    static void authorize(SandboxApiKey key, ApiRoutes.Route route) {
        if (route.service() != null && !key.getServices().contains(route.service())) {
            throw ApiError.message(403, "This API key is not authorized for the " + route.service().displayName() + " service");
        }
        if (route.writes() && key.getScope() == SandboxApiKey.Scope.READ) {
            String action = route.service() == null ? "write" : "send";
            throw ApiError.message(403, "API key scope 'read' does not permit " + action + " actions");
        }
        if (route.permission() != null && !key.getPermissions().contains(route.permission())) {
            throw ApiError.error(403, "API key needs '" + route.permission() + "' permission");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
