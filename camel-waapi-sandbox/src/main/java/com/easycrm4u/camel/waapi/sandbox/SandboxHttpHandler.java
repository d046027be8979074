package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the sandbox. Each request goes through, in this order: injected faults, the route, the body's size,
 * authentication, the key's quotas, authorization, the body's JSON, the endpoint; then it is recorded and answered.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpHandler.class);
    private static final int MAX_BODY = 1024 * 1024;

    private final ApiRoutes routes;
    private final ApiAuthenticator authenticator;
    private final Quotas quotas;
    private final SandboxFaults faults;
    private final Clock clock;
    private final Consumer<ApiRequest> requestLog;
    private final ObjectMapper mapper;

    SandboxHttpHandler(ApiRoutes routes, ApiAuthenticator authenticator, Quotas quotas, SandboxFaults faults, Clock clock,
                       Consumer<ApiRequest> requestLog, ObjectMapper mapper) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.quotas = quotas;
        this.faults = faults;
        this.clock = clock;
        this.requestLog = requestLog;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String keyName = null;
        int status;
        ObjectNode answer;
        Map<String, String> headers = Map.of();
        try {
            if (!faults.getLatency().isZero()) {
                Thread.sleep(faults.getLatency().toMillis());
            }
            SandboxFaults.Fault fault = faults.next();
            if (fault == SandboxFaults.Fault.DROP_CONNECTION) {
                requestLog.accept(new ApiRequest(clock.instant(), method, path, null, 0));
                // closing before any response header makes the server drop the connection
                exchange.close();
                return;
            }
            fault.raise();
            ApiRoutes.Route route = routes.find(method, path);
            byte[] raw = readBody(exchange);
            SandboxApiKey key = authenticator.authenticate(exchange.getRequestHeaders());
            keyName = key.getName();
            quotas.check(key);
            ApiAuthenticator.authorize(key, route);
            ObjectNode body = "GET".equals(method) ? mapper.createObjectNode() : parseBody(raw);
            answer = route.handler().handle(key, body);
            status = 200;
        } catch (ApiError e) {
            status = e.status();
            answer = Answers.failure(mapper, e.field(), e.getMessage());
            headers = e.headers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.warn("WAAPI sandbox failed on {} {}", method, path, e);
            status = 500;
            answer = Answers.failure(mapper, "message", "Internal sandbox error: " + e.getClass().getSimpleName());
        }
        // recorded before answering, so a client that has its answer finds its request in the introspection
        requestLog.accept(new ApiRequest(clock.instant(), method, path, keyName, status));
        send(exchange, status, answer, headers);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readNBytes(MAX_BODY + 1);
            if (raw.length > MAX_BODY) {
                throw ApiError.error(413, "Request body larger than " + MAX_BODY + " bytes");
            }
            return raw;
        }
    }

    private ObjectNode parseBody(byte[] raw) {
        if (raw.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("Unreadable request body");
        }
        if (parsed == null || parsed.isMissingNode()) {
            return mapper.createObjectNode();
        }
        if (!parsed.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object, not "
                                      + parsed.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) parsed;
    }

    private void send(HttpExchange exchange, int status, ObjectNode answer, Map<String, String> headers)
            throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
