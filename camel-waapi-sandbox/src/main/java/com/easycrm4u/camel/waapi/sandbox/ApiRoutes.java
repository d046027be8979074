package com.easycrm4u.camel.waapi.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.sandbox.SandboxApiKey.Service;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The endpoints of the API under {@code /api/v1/external}, with what each one needs from the key. */
final class ApiRoutes {

    static final String BASE_PATH = "/api/v1/external";

    /** Answers a request of an authorized key; throws {@link ApiError} for an error answer. */
    @FunctionalInterface
    interface Handler {
        ObjectNode handle(SandboxApiKey key, ObjectNode body);
    }

    /**
     * An endpoint: its method, the service the key must be enabled for (null: any), whether it writes (a {@code read}
     * key may not), the permission it needs (null: none) and its handler.
     */
    record Route(String method, Service service, boolean writes, String permission, Handler handler) {
    }

    private final Map<String, List<Route>> routes = new LinkedHashMap<>();

    ApiRoutes(PingEndpoint ping, CloudApiEndpoints cloud, ContactEndpoints contacts, QrApiEndpoints qr) {
        add("/ping", new Route("GET", null, false, null, ping::ping));
        send("/whatsapp-api/messages/text", Service.CLOUD_API, cloud::text);
        send("/whatsapp-api/messages/template", Service.CLOUD_API, cloud::template);
        for (String type : CloudApiEndpoints.MEDIA_TYPES) {
            send("/whatsapp-api/messages/" + type, Service.CLOUD_API, (key, body) -> cloud.media(key, body, type));
        }
        send("/whatsapp-api/messages/send", Service.CLOUD_API, cloud::sendAndUpsertContact);
        add("/contacts", new Route("PATCH", null, true, SandboxApiKey.CONTACTS_WRITE, contacts::update));
        add("/contacts", new Route("POST", null, true, SandboxApiKey.CONTACTS_WRITE, contacts::upsert));
        send("/whatsapp-qr/messages/text", Service.QR, qr::text);
        for (String type : QrApiEndpoints.MEDIA_TYPES) {
            send("/whatsapp-qr/messages/" + type, Service.QR, (key, body) -> qr.media(key, body, type));
        }
        send("/whatsapp-qr/messages/location", Service.QR, qr::location);
        add("/whatsapp-qr/sessions", new Route("GET", Service.QR, false, SandboxApiKey.MESSAGES_READ, qr::sessions));
    }

    /** The route of a request: 404 for an unknown path, 405 (with {@code Allow}) for a known path's other method. */
    Route find(String method, String path) {
        List<Route> candidates = path.startsWith(BASE_PATH) ? routes.get(trimSlash(path.substring(BASE_PATH.length()))) : null;
        if (candidates == null) {
            throw ApiError.error(404, "Not found: " + method + " " + path);
        }
        for (Route route : candidates) {
            if (route.method().equals(method)) {
                return route;
            }
        }
        throw ApiError.methodNotAllowed("Method " + method + " is not allowed on " + path,
                String.join(", ", candidates.stream().map(Route::method).toList()));
    }

    private void send(String path, Service service, Handler handler) {
        add(path, new Route("POST", service, true, SandboxApiKey.MESSAGES_SEND, handler));
    }

    private void add(String path, Route route) {
        routes.computeIfAbsent(path, p -> new ArrayList<>()).add(route);
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
