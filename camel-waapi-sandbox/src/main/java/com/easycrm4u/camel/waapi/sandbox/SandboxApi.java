package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.easycrm4u.camel.waapi.sandbox.SandboxApiKey.Service;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the sandbox: every endpoint of the WAAPI External API under {@code /api/v1/external}, with the
 * reference's authentication, authorization, validation and answers.
 */
final class SandboxApi implements HttpHandler {

    static final String BASE_PATH = "/api/v1/external";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxApi.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final String WHATSAPP_JID_SUFFIX = "@s.whatsapp.net";
    private static final int MAX_TEXT = 4096;
    private static final int MAX_CAPTION = 1024;
    private static final DateTimeFormatter ISO_MILLIS
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> COMBINED_TYPES
            = List.of("text", "image", "video", "audio", "document", "template", "buttons", "list", "cta");
    private static final List<String> CLOUD_MEDIA = List.of("image", "video", "audio", "sticker", "document");
    private static final List<String> QR_MEDIA = List.of("image", "video", "audio", "document");
    private static final Set<String> CAPTIONED = Set.of("image", "video", "document");
    private static final List<String> CONTACT_FIELDS = List.of("first_name", "last_name", "profile_name", "email", "tags");

    /** What an endpoint needs from the key before it runs. */
    private record Route(String method, Service service, boolean writes, String permission, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        ObjectNode handle(SandboxApiKey key, ObjectNode body);
    }

    private final WaapiSandbox sandbox;
    private final ObjectMapper mapper;
    private final Map<String, List<Route>> routes = new LinkedHashMap<>();

    SandboxApi(WaapiSandbox sandbox, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.mapper = mapper;
        route("/ping", new Route("GET", null, false, null, this::ping));
        send("/whatsapp-api/messages/text", Service.CLOUD_API, this::cloudText);
        send("/whatsapp-api/messages/template", Service.CLOUD_API, this::cloudTemplate);
        for (String type : CLOUD_MEDIA) {
            send("/whatsapp-api/messages/" + type, Service.CLOUD_API, (key, body) -> cloudMedia(key, body, type));
        }
        send("/whatsapp-api/messages/send", Service.CLOUD_API, this::cloudSend);
        route("/contacts", new Route("PATCH", null, true, SandboxApiKey.CONTACTS_WRITE, this::updateContact));
        route("/contacts", new Route("POST", null, true, SandboxApiKey.CONTACTS_WRITE, this::upsertContact));
        send("/whatsapp-qr/messages/text", Service.QR, this::qrText);
        for (String type : QR_MEDIA) {
            send("/whatsapp-qr/messages/" + type, Service.QR, (key, body) -> qrMedia(key, body, type));
        }
        send("/whatsapp-qr/messages/location", Service.QR, this::qrLocation);
        route("/whatsapp-qr/sessions", new Route("GET", Service.QR, false, SandboxApiKey.MESSAGES_READ, this::qrSessions));
    }

    private void send(String path, Service service, Handler handler) {
        route(path, new Route("POST", service, true, SandboxApiKey.MESSAGES_SEND, handler));
    }

    private void route(String path, Route route) {
        routes.computeIfAbsent(path, p -> new java.util.ArrayList<>()).add(route);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String keyName = null;
        int status;
        ObjectNode answer;
        Long retryAfter = null;
        try {
            SandboxFaults faults = sandbox.faults();
            long latency = faults.getLatency().toMillis();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            SandboxFaults.Fault fault = faults.next();
            if (fault == SandboxFaults.Fault.DROP_CONNECTION) {
                sandbox.recordRequest(new ApiRequest(sandbox.now(), method, path, null, 0));
                // closing before any response header makes the server drop the connection
                exchange.close();
                return;
            }
            if (fault == SandboxFaults.Fault.SERVER_ERROR) {
                throw ApiError.message(500, "Internal server error (injected by the WAAPI sandbox)");
            }
            Route route = findRoute(method, path, exchange);
            byte[] raw = readBody(exchange);
            SandboxApiKey key = authenticate(exchange);
            keyName = key.getName();
            sandbox.checkQuota(key);
            authorize(key, route);
            ObjectNode body = "GET".equals(method) ? mapper.createObjectNode() : parseBody(raw);
            answer = route.handler().handle(key, body);
            status = 200;
        } catch (ApiError e) {
            status = e.status();
            answer = failure(e.field(), e.getMessage());
            retryAfter = e.retryAfterSeconds();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.warn("WAAPI sandbox failed on {} {}", method, path, e);
            status = 500;
            answer = failure("message", "Internal sandbox error: " + e.getClass().getSimpleName());
        }
        // recorded before answering, so a client that has its answer finds its request in the introspection
        sandbox.recordRequest(new ApiRequest(sandbox.now(), method, path, keyName, status));
        send(exchange, status, answer, retryAfter);
    }

    private ObjectNode failure(String field, String text) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", false);
        answer.put(field, text);
        return answer;
    }

    private Route findRoute(String method, String path, HttpExchange exchange) {
        List<Route> candidates = path.startsWith(BASE_PATH) ? routes.get(trimSlash(path.substring(BASE_PATH.length()))) : null;
        if (candidates == null) {
            throw ApiError.error(404, "Not found: " + method + " " + path);
        }
        for (Route route : candidates) {
            if (route.method().equals(method)) {
                return route;
            }
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", candidates.stream().map(Route::method).toList()));
        throw ApiError.error(405, "Method " + method + " is not allowed on " + path);
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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

    private SandboxApiKey authenticate(HttpExchange exchange) {
        String presented = exchange.getRequestHeaders().getFirst("X-API-Key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if ((presented == null || presented.isBlank()) && authorization != null && authorization.startsWith("Bearer ")) {
            presented = authorization.substring("Bearer ".length()).trim();
        }
        if (presented == null || presented.isBlank()) {
            throw ApiError.message(401, "API key required (Authorization: Bearer <waapi_… key or JWT> or X-API-Key header)");
        }
        SandboxApiKey key = sandbox.findKey(presented.trim());
        if (key == null) {
            throw ApiError.message(401, "Invalid API key");
        }
        if (key.getSecret() != null) {
            String secret = exchange.getRequestHeaders().getFirst("X-API-Secret");
            if (secret == null || secret.isBlank()) {
                throw ApiError.message(401, "API secret required (X-API-Secret header)");
            }
            if (!java.security.MessageDigest.isEqual(secret.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    key.getSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                throw ApiError.message(401, "Invalid API secret");
            }
        }
        return key;
    }

    private static void authorize(SandboxApiKey key, Route route) {
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
            throw ApiError.badRequest("Request body must be a JSON object, not " + parsed.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) parsed;
    }

    private void send(HttpExchange exchange, int status, ObjectNode answer, Long retryAfterSeconds) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfterSeconds != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- endpoints -------------------------------------------------------------------------------------------

    private ObjectNode ping(SandboxApiKey key, ObjectNode body) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", true);
        answer.put("pong", true);
        answer.put("vendorId", sandbox.getVendorId());
        answer.put("apiKeyName", key.getName());
        return answer;
    }

    private ObjectNode cloudText(SandboxApiKey key, ObjectNode body) {
        Sender sender = cloudSender(key, body);
        validateText(body, "");
        sandbox.requireServiceWindow(sender.from(), sender.to());
        SentMessage message = sandbox.acceptCloudMessage(key, "text", sender.to(), sender.from(), body, null);
        return success(messageData(message, true, false));
    }

    private ObjectNode cloudTemplate(SandboxApiKey key, ObjectNode body) {
        Sender sender = cloudSender(key, body);
        SandboxTemplate template = validateTemplate(body, "");
        optionalText(body, "replyToWaMessageId", "");
        SentMessage message = sandbox.acceptCloudMessage(key, "template", sender.to(), sender.from(), body, template);
        return success(messageData(message, true, true));
    }

    private ObjectNode cloudMedia(SandboxApiKey key, ObjectNode body, String type) {
        Sender sender = cloudSender(key, body);
        validateMedia(body, type, "", true);
        sandbox.requireServiceWindow(sender.from(), sender.to());
        SentMessage message = sandbox.acceptCloudMessage(key, type, sender.to(), sender.from(), body, null);
        return success(messageData(message, false, false));
    }

    private ObjectNode cloudSend(SandboxApiKey key, ObjectNode body) {
        if (!key.getPermissions().contains(SandboxApiKey.CONTACTS_WRITE)) {
            throw ApiError.error(403, "API key needs 'contacts.write' for combined send+upsert");
        }
        Sender sender = cloudSender(key, body);
        String type = requiredText(body, "type", "");
        if (!COMBINED_TYPES.contains(type)) {
            throw ApiError.badRequest("Unsupported type '" + type + "'");
        }
        JsonNode payloadNode = body.get("payload");
        if (payloadNode == null || payloadNode.isNull()) {
            throw ApiError.badRequest("'payload' is required");
        }
        if (!payloadNode.isObject()) {
            throw ApiError.badRequest("'payload' must be an object");
        }
        ObjectNode payload = (ObjectNode) payloadNode;
        JsonNode contactNode = body.get("contact");
        if (contactNode != null && !contactNode.isNull() && !contactNode.isObject()) {
            throw ApiError.badRequest("'contact' must be an object");
        }
        String countryCode = optionalText(body, "countryCode", "");
        SandboxTemplate template = null;
        switch (type) {
            case "text" -> validateText(payload, "payload.");
            case "template" -> template = validateTemplate(payload, "payload.");
            case "image", "video", "audio", "document" -> validateMedia(payload, type, "payload.", true);
            default -> validateInteractive(payload, type);
        }
        if (!"template".equals(type)) {
            sandbox.requireServiceWindow(sender.from(), sender.to());
        }
        // an empty contact skips the upsert
        ObjectNode contact = contactNode != null && contactNode.isObject() && !contactNode.isEmpty()
                ? sandbox.upsertContact(body.get("to").asText(), countryCode,
                        contactFields((ObjectNode) contactNode, "contact."))
                : sandbox.contact(sender.to());
        SentMessage message = sandbox.acceptCloudMessage(key, type, sender.to(), sender.from(), body, template);
        ObjectNode data = mapper.createObjectNode();
        if (contact != null) {
            data.set("contact", contact);
        }
        data.set("message", messageData(message, true, false));
        return success(data);
    }

    private ObjectNode updateContact(SandboxApiKey key, ObjectNode body) {
        String phoneNumber = requiredText(body, "phoneNumber", "");
        String countryCode = optionalText(body, "countryCode", "");
        JsonNode updates = body.get("updates");
        if (updates != null && !updates.isNull() && !updates.isObject()) {
            throw ApiError.badRequest("'updates' must be an object");
        }
        ObjectNode fields = updates == null || updates.isNull()
                ? mapper.createObjectNode() : contactFields((ObjectNode) updates, "updates.");
        if (fields.isEmpty()) {
            throw ApiError.badRequest("No updatable fields provided");
        }
        ObjectNode contact = sandbox.updateContact(phoneNumber, countryCode, fields);
        if (contact == null) {
            throw ApiError.error(404, "Contact not found");
        }
        return success(contact);
    }

    private ObjectNode upsertContact(SandboxApiKey key, ObjectNode body) {
        String phoneNumber = requiredText(body, "phoneNumber", "");
        String countryCode = optionalText(body, "countryCode", "");
        return success(sandbox.upsertContact(phoneNumber, countryCode, contactFields(body, "")));
    }

    private ObjectNode qrText(SandboxApiKey key, ObjectNode body) {
        QrSender sender = qrSender(key, body);
        String text = requiredText(body, "body", "");
        if (text.length() > MAX_TEXT) {
            throw ApiError.badRequest("'body' must be at most " + MAX_TEXT + " characters");
        }
        SentMessage message = sandbox.acceptQrMessage(key, "text", sender.to(), sender.session(), body);
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", message.getMessageId());
        data.put("from", message.getFrom());
        data.put("sessionId", message.getSessionId());
        data.put("to", message.getTo() + WHATSAPP_JID_SUFFIX);
        data.put("type", "text");
        return success(data);
    }

    private ObjectNode qrMedia(SandboxApiKey key, ObjectNode body, String type) {
        QrSender sender = qrSender(key, body);
        validateMedia(body, type, "", false);
        return qrAnswer(sandbox.acceptQrMessage(key, type, sender.to(), sender.session(), body));
    }

    private ObjectNode qrLocation(SandboxApiKey key, ObjectNode body) {
        QrSender sender = qrSender(key, body);
        coordinate(body, "latitude", 90);
        coordinate(body, "longitude", 180);
        optionalText(body, "name", "");
        optionalText(body, "address", "");
        return qrAnswer(sandbox.acceptQrMessage(key, "location", sender.to(), sender.session(), body));
    }

    private ObjectNode qrSessions(SandboxApiKey key, ObjectNode body) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", true);
        ArrayNode data = answer.putArray("data");
        for (QrSession session : sandbox.getQrSessions()) {
            if (key.isBoundToAllNumbers() || key.getNumbers().contains(session.getPhoneNumber())) {
                data.add(mapper.valueToTree(session));
            }
        }
        answer.put("count", data.size());
        return answer;
    }

    // ---- validation --------------------------------------------------------------------------------------------

    private record Sender(String to, String from) {
    }

    private record QrSender(String to, QrSession session) {
    }

    private Sender cloudSender(SandboxApiKey key, ObjectNode body) {
        String to = phoneNumber(body, "to");
        String from = phoneNumber(body, "fromPhoneNo");
        sandbox.requireBound(key, from);
        return new Sender(to, from);
    }

    private QrSender qrSender(SandboxApiKey key, ObjectNode body) {
        // a QR recipient may also be given as a WhatsApp JID
        JsonNode jid = body.get("to");
        if (jid != null && jid.isTextual() && jid.asText().endsWith(WHATSAPP_JID_SUFFIX)) {
            body.put("to", jid.asText().substring(0, jid.asText().length() - WHATSAPP_JID_SUFFIX.length()));
        }
        String to = phoneNumber(body, "to");
        String sessionId = optionalText(body, "sessionId", "");
        String from = null;
        if (sessionId == null || body.hasNonNull("fromPhoneNo")) {
            if (sessionId == null && !body.hasNonNull("fromPhoneNo")) {
                throw ApiError.badRequest("'fromPhoneNo' is required (or pass 'sessionId')");
            }
            from = phoneNumber(body, "fromPhoneNo");
            sandbox.requireBound(key, from);
        }
        QrSession session = sandbox.connectedQrSession(sessionId, from);
        if (session == null) {
            throw ApiError.badRequest("No connected WhatsApp QR session found. Connect a device first.");
        }
        sandbox.requireBound(key, session.getPhoneNumber());
        return new QrSender(to, session);
    }

    private String phoneNumber(ObjectNode body, String field) {
        String value = requiredText(body, field, "");
        if (!PhoneNumbers.isE164(value)) {
            throw ApiError.badRequest("'" + field + "' must be a phone number in E.164 (e.g. 917890000198), got '"
                                      + value + "'");
        }
        return PhoneNumbers.digits(value);
    }

    private static void validateText(ObjectNode body, String prefix) {
        String text = requiredText(body, "body", prefix);
        if (text.length() > MAX_TEXT) {
            throw ApiError.badRequest("'" + prefix + "body' must be at most " + MAX_TEXT + " characters");
        }
        JsonNode previewUrl = body.get("previewUrl");
        if (previewUrl != null && !previewUrl.isNull() && !previewUrl.isBoolean()) {
            throw ApiError.badRequest("'" + prefix + "previewUrl' must be a boolean");
        }
    }

    private SandboxTemplate validateTemplate(ObjectNode body, String prefix) {
        String name = requiredText(body, "name", prefix);
        String language = requiredText(body, "language", prefix);
        JsonNode components = body.get("components");
        int bodyParameters = 0;
        if (components != null && !components.isNull()) {
            if (!components.isArray()) {
                throw ApiError.badRequest("'" + prefix + "components' must be an array");
            }
            for (int i = 0; i < components.size(); i++) {
                JsonNode component = components.get(i);
                String type = component.path("type").asText("");
                if (!component.isObject() || !Set.of("header", "body", "button").contains(type)) {
                    throw ApiError.badRequest("'" + prefix + "components[" + i + "].type' must be header, body or button");
                }
                JsonNode parameters = component.get("parameters");
                if (parameters != null && !parameters.isNull() && !parameters.isArray()) {
                    throw ApiError.badRequest("'" + prefix + "components[" + i + "].parameters' must be an array");
                }
                if ("body".equals(type) && parameters != null) {
                    bodyParameters += parameters.size();
                }
            }
        }
        SandboxTemplate template = sandbox.findTemplate(name, language);
        if (template == null) {
            throw ApiError.badRequest("(#132001) Template name does not exist in the translation");
        }
        if (template.getBodyParameters() >= 0 && template.getBodyParameters() != bodyParameters) {
            throw ApiError.badRequest("(#132000) Number of parameters does not match the expected number of params");
        }
        return template;
    }

    private static void validateMedia(ObjectNode body, String type, String prefix, boolean mediaIdAllowed) {
        String link = optionalText(body, "link", prefix);
        String mediaId = mediaIdAllowed ? optionalText(body, "mediaId", prefix) : null;
        if (mediaIdAllowed) {
            if (link == null && mediaId == null) {
                throw ApiError.badRequest("One of '" + prefix + "link' or '" + prefix + "mediaId' is required");
            }
            if (link != null && mediaId != null) {
                throw ApiError.badRequest("Pass only one of '" + prefix + "link' and '" + prefix + "mediaId'");
            }
        } else if (link == null) {
            throw ApiError.badRequest("'" + prefix + "link' is required");
        }
        if (link != null && !(link.startsWith("https://") || link.startsWith("http://"))) {
            throw ApiError.badRequest("'" + prefix + "link' must be a public http(s) URL");
        }
        String caption = optionalText(body, "caption", prefix);
        if (caption != null) {
            if (!CAPTIONED.contains(type)) {
                throw ApiError.badRequest("'" + prefix + "caption' is not supported for " + type + " messages");
            }
            if (caption.length() > MAX_CAPTION) {
                throw ApiError.badRequest("'" + prefix + "caption' must be at most " + MAX_CAPTION + " characters");
            }
        }
        if (optionalText(body, "filename", prefix) != null && !"document".equals(type)) {
            throw ApiError.badRequest("'" + prefix + "filename' is only supported for document messages");
        }
    }

    private static void validateInteractive(ObjectNode payload, String type) {
        requiredText(payload, "body", "payload.");
        String list = switch (type) {
            case "buttons" -> "buttons";
            case "list" -> "sections";
            default -> null;
        };
        if (list != null) {
            JsonNode items = payload.get(list);
            if (items == null || !items.isArray() || items.isEmpty()) {
                throw ApiError.badRequest("'payload." + list + "' must be a non-empty array");
            }
        } else {
            requiredText(payload, "url", "payload.");
        }
    }

    private ObjectNode contactFields(ObjectNode source, String prefix) {
        ObjectNode fields = mapper.createObjectNode();
        for (String field : CONTACT_FIELDS) {
            JsonNode value = source.get(field);
            if (value == null) {
                continue;
            }
            if ("tags".equals(field)) {
                if (!value.isArray()) {
                    throw ApiError.badRequest("'" + prefix + "tags' must be an array of strings");
                }
                for (JsonNode tag : value) {
                    if (!tag.isTextual()) {
                        throw ApiError.badRequest("'" + prefix + "tags' must be an array of strings");
                    }
                }
            } else if (!value.isTextual() && !value.isNull()) {
                throw ApiError.badRequest("'" + prefix + field + "' must be a string");
            }
            fields.set(field, value);
        }
        JsonNode email = fields.get("email");
        if (email != null && email.isTextual() && !email.asText().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiError.badRequest("'" + prefix + "email' is not a valid email address");
        }
        return fields;
    }

    private static void coordinate(ObjectNode body, String field, int limit) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("'" + field + "' is required");
        }
        if (!value.isNumber()) {
            throw ApiError.badRequest("'" + field + "' must be a number");
        }
        if (Math.abs(value.asDouble()) > limit) {
            throw ApiError.badRequest("'" + field + "' must be between -" + limit + " and " + limit);
        }
    }

    private static String requiredText(ObjectNode body, String field, String prefix) {
        String value = optionalText(body, field, prefix);
        if (value == null) {
            throw ApiError.badRequest("'" + prefix + field + "' is required");
        }
        return value;
    }

    private static String optionalText(ObjectNode body, String field, String prefix) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + prefix + field + "' must be a string");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    private ObjectNode messageData(SentMessage message, boolean withTo, boolean withIdAndTime) {
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", message.getMessageId());
        if (withIdAndTime) {
            data.put("id", sandbox.internalId(message));
        }
        data.put("status", "sent");
        if (withTo) {
            data.put("to", message.getTo());
        }
        data.put("type", message.getType());
        if (withIdAndTime) {
            data.put("timestamp", ISO_MILLIS.format(message.getTimestamp()));
        }
        return data;
    }

    private ObjectNode qrAnswer(SentMessage message) {
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", message.getMessageId());
        data.put("sessionId", message.getSessionId());
        data.put("type", message.getType());
        return success(data);
    }

    private ObjectNode success(JsonNode data) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", true);
        answer.set("data", data);
        return answer;
    }
}
