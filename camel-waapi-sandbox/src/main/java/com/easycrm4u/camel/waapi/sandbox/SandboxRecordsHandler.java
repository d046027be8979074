package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox's read-only records API, for a test that cannot hold the {@link WaapiSandbox} object (a Quarkus test on
 * the WAAPI Dev Service, whose sandbox runs in another class loader): {@code GET /sandbox/records/messages},
 * {@code /deliveries}, {@code /contacts} and {@code /inbound} answer what the sandbox recorded, as JSON.
 * {@link RemoteSandbox} reads them.
 * <p>
 * Served beside the API on the sandbox's loopback port, to loopback clients only, and only to requests whose
 * {@code Host} is a loopback name (a web page that rebinds its own host name to 127.0.0.1 gets 403). Nothing in it is
 * secret: no API key, secret, verify token or webhook signature.
 */
final class SandboxRecordsHandler implements HttpHandler {

    static final String PATH = "/sandbox/records";
    static final List<String> RECORDS = List.of("messages", "deliveries", "contacts", "inbound");

    private final WaapiSandbox sandbox;
    private final ObjectMapper mapper = new ObjectMapper();

    private SandboxRecordsHandler(WaapiSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Serves the records of the sandbox under {@link #PATH} and hands every other request to the API. */
    static HttpHandler beside(HttpHandler api, WaapiSandbox sandbox) {
        SandboxRecordsHandler records = new SandboxRecordsHandler(sandbox);
        return exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PATH) || path.startsWith(PATH + "/")) {
                records.handle(exchange);
            } else {
                api.handle(exchange);
            }
        };
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!fromLoopback(exchange)) {
                send(exchange, 403, error("The sandbox's records are served to loopback clients on a loopback host name "
                                          + "only (127.0.0.1, localhost, [::1])"));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, error("The sandbox's records are read-only: use GET"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String name = path.length() > PATH.length() ? path.substring(PATH.length() + 1) : "";
            ObjectNode answer = switch (name) {
                case "messages" -> list("messages", sandbox.getSentMessages().stream().map(this::message).toList());
                case "deliveries" -> list("deliveries", sandbox.getDeliveries().stream().map(this::delivery).toList());
                case "contacts" -> list("contacts",
                        sandbox.getContacts().stream().map(c -> (ObjectNode) mapper.valueToTree(c)).toList());
                case "inbound" -> list("inbound", sandbox.getInboundMessages().stream().map(this::inbound).toList());
                default -> null;
            };
            if (answer == null) {
                send(exchange, 404, error("No records at " + path + "; the sandbox serves " + RECORDS.stream()
                        .map(r -> PATH + "/" + r).toList()));
                return;
            }
            send(exchange, 200, answer);
        }
    }

    private ObjectNode message(SentMessage message) {
        SentMessage.StatusView view = message.statusView();
        List<String> statuses = view.statuses();
        return object("messageId", message.getMessageId(), "apiKeyName", message.getApiKeyName(),
                "channel", message.getChannel(), "type", message.getType(), "to", message.getTo(),
                "from", message.getFrom(), "sessionId", message.getSessionId(), "request", message.getRequest(),
                "sentAt", instant(message.getTimestamp()), "status", statuses.get(statuses.size() - 1),
                "statuses", statuses,
                // what RemoteSandbox.awaitStatus needs to wait as WaapiSandbox.awaitStatus does
                "settledStatuses", view.settledStatuses(), "lastStatus", view.last());
    }

    private ObjectNode delivery(WebhookDelivery delivery) {
        List<ObjectNode> attempts = delivery.getAttempts().stream()
                .map(a -> object("number", a.number(), "at", instant(a.at()), "statusCode", a.statusCode(),
                        "error", a.error()))
                .toList();
        return object("deliveryId", delivery.getDeliveryId(), "apiKeyName", delivery.getApiKeyName(),
                "url", delivery.getUrl(), "event", delivery.getEvent(), "kind", delivery.getKind(),
                "messageId", delivery.getMessageId(), "state", delivery.getState().name(), "body", delivery.getBody(),
                "attempts", attempts);
    }

    private ObjectNode inbound(CustomerMessage message) {
        return object("messageId", message.messageId(), "from", message.from(), "to", message.to(),
                "type", message.type(), "timestamp", instant(message.timestamp()), "message", message.message());
    }

    /** A JSON object of these names and values, in this order; a null value is written as null. */
    private ObjectNode object(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return mapper.valueToTree(fields);
    }

    private ObjectNode list(String name, List<ObjectNode> items) {
        ObjectNode json = mapper.createObjectNode();
        json.putArray(name).addAll(items);
        return json;
    }

    private ObjectNode error(String message) {
        return mapper.createObjectNode().put("error", message);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static boolean fromLoopback(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
            return false;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host != null && isLoopbackName(host);
    }

    /** {@code 127.0.0.1}, {@code localhost} or {@code [::1]}, with or without a port. */
    static boolean isLoopbackName(String hostAndPort) {
        String host = hostAndPort.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && host.substring(1, end).equals("::1") && portOrNothing(host.substring(end + 1));
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return (name.equals("localhost") || name.equals("127.0.0.1"))
                && portOrNothing(colon < 0 ? "" : host.substring(colon));
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty() || rest.length() > 1 && rest.charAt(0) == ':' && rest.substring(1).chars()
                .allMatch(Character::isDigit);
    }

    private void send(HttpExchange exchange, int status, ObjectNode answer) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
