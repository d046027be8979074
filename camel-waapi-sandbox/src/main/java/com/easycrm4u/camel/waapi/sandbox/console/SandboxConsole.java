package com.easycrm4u.camel.waapi.sandbox.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;

import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox console: a web page, served under {@code /console} by the sandbox's own loopback HTTP server when the
 * sandbox is built with {@code WaapiSandbox.builder().console(true)}, that shows what the routes sent as the customer's
 * phone would and lets a developer answer as the customer or the platform. Internal to the sandbox; this is the page's
 * HTTP API.
 *
 * <h2>Files</h2> {@code GET /console} (and {@code /console/}) answers {@code index.html}; {@code GET /console/<file>}
 * answers the file of that name from this package's resource folder ({@code .html}, {@code .css}, {@code .js},
 * {@code .svg}, {@code .png}, {@code .ico}, {@code .woff2}; a plain name only, no folders).
 *
 * <h2>State</h2> {@code GET /console/api/state} answers JSON:
 *
 * <pre>
 * {"version": 7,
 *  "phoneNumbers": ["917890000199"],                          the business numbers (digits)
 *  "apiKeys": [{"name", "phoneNumbers": [..], "allNumbers", "webhookUrl", "scope", "services": [..], "events": [..]}],
 *  "templates": [{"name", "language", "category", "header", "body", "footer", "buttons": [{"type", "text", "url"}]}],
 *  "qrSessions": [{"sessionId", "sessionName", "phoneNumber", "status"}],
 *  "serviceWindows": [{"customer", "business", "openUntil", "open"}],
 *  "quotas": [{"apiKey", "perMinute", "usedLastMinute", "perHour", "usedLastHour"}],   0 = no limit
 *  "faults": [{"fault", "value", "description"}],                                    the armed ones only
 *  "deliveriesTotal": 12,                                                            the newest 300 are listed
 *  "deliveries": [{"id", "apiKey", "event", "kind", "subject", "url", "state", "nextAttemptAt",
 *                  "attempts": [{"number", "at", "status", "durationMs", "error", "nextRetryAt"}], "body": {..}}],
 *  "conversations": [{"customer", "business", "messages": [
 *      {"id", "direction": "out"|"in", "channel": "cloud"|"qr", "type", "kind": "text"|"template"|"media"|"location"|
 *       "interactive"|"button", "text",
 *       "template": {"name", "language", "known", "category", "header", "headerMedia": {"type", "link", "filename"},
 *                    "body", "footer", "buttons": [{"index", "type": "quick_reply"|"url", "text", "payload", "url"}],
 *                    "parameters": {"header": [..], "body": [..]}},
 *       "media": {"type", "caption", "link", "mediaId", "filename", "mimeType"},
 *       "location": {"latitude", "longitude", "name", "address"},
 *       "interactive": {..}, "button": {"payload", "text"}, "context",
 *       "status": "sent"|"delivered"|"read"|"failed"|"received", "statuses": [..], "errorCode", "errorTitle",
 *       "apiKey", "sessionId", "replyTo", "at"}]}],
 *  "errorCodes": [{"code", "title"}]}                          the codes {@code
 * fail
 * } knows
 * </pre>
 *
 * Times are UTC with milliseconds ({@code 2026-06-17T12:00:00.000Z}); numbers are E.164 digits. Conversations come most
 * recent first, their messages oldest first. A template's {@code header}, {@code body} and button texts are the
 * template's text with the send's parameters in place ({@code known: false} and null texts when the sandbox was not
 * told the template's text; {@code parameters} has what was sent either way). Keys, secrets and verify tokens are never
 * in it.
 *
 * <h2>Events</h2> {@code GET /console/api/events} is a server-sent event stream: an event {@code state} with data
 * {@code {"version": n}} at once and whenever the state changes, and a comment heartbeat every 15 s. The page fetches
 * the state again on each event.
 *
 * <h2>Actions</h2> {@code POST /console/api/<action>} with a JSON object; each acts through the sandbox's real webhook
 * path (signed, retried). {@code 202} with {@code {"ok": true, ...}}, or {@code 400}/{@code 404}/{@code 409} with
 * {@code {"error": "<what is wrong and what to do>"}}:
 * <ul>
 * <li>{@code reply {customer, business, text}}: the customer writes; opens the service window. Answers
 * {@code messageId} and {@code deliveries} (ids; with a {@code note} when no key's webhook receives it).
 * {@code business} may be left out: the sandbox's first number.</li>
 * <li>{@code button {messageId, buttonIndex}}: the customer presses a quick-reply button of a sent template: a
 * {@code button} message with the button's payload, in the template's context.</li>
 * <li>{@code media {customer, business, type, caption, link, filename}}: image, video, audio, document or sticker (the
 * link gives the MIME type and is shown here; Meta's webhook carries a media id only).</li>
 * <li>{@code location {customer, business, latitude, longitude, name, address}}.</li>
 * <li>{@code read {messageId}}: the message's automatic statuses stop; delivered (if not yet) and read follow.</li>
 * <li>{@code fail {messageId, code}} (optionally {@code title}, {@code details} for a code not in {@code errorCodes}):
 * a failed status with that Meta error.</li>
 * <li>{@code test-event {apiKey}}: the key's "Send test event" (the first key when left out).</li>
 * </ul>
 *
 * <h2>Protection</h2> The server listens on 127.0.0.1 only. Every request must name a loopback host in {@code Host}
 * (defeats DNS rebinding); a POST must have {@code Content-Type: application/json} and, when it has an {@code Origin},
 * the console's own (defeats cross-site requests): else {@code 403} with what is wrong. Every answer has
 * {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff} and a Content-Security-Policy that allows
 * nothing but this origin's files (no inline script).
 */
public final class SandboxConsole implements HttpHandler, AutoCloseable {

    /** Where the console is served. */
    public static final String PATH = "/console";
    /** The Content-Security-Policy of every answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
                                                         + "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                                                         + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The heartbeat of the event stream. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConsole.class);
    private static final String API = PATH + "/api/";
    private static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ConsoleState state;
    private final ConsoleEvents events;
    private final ConsoleActions actions;

    public SandboxConsole(WaapiSandbox sandbox) {
        this(sandbox, HEARTBEAT);
    }

    /** A console whose event stream beats this often (tests use a short one). */
    public SandboxConsole(WaapiSandbox sandbox, Duration heartbeat) {
        this.state = new ConsoleState(sandbox, mapper);
        this.events = new ConsoleEvents(state, heartbeat);
        this.actions = new ConsoleActions(sandbox, state, mapper);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            route(exchange);
        } catch (RuntimeException e) {
            LOG.warn("WAAPI sandbox console failed on {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
            if (exchange.getResponseCode() != -1) {
                return;
            }
            error(exchange, 500, "the sandbox console failed: " + e.getClass().getSimpleName()
                                 + "; the sandbox's log has the details");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (!loopbackHost(host, exchange.getLocalAddress().getPort())) {
            error(exchange, 403, "the console answers requests to 127.0.0.1 or localhost only, not to host '" + host
                                 + "'; open " + PATH + " on 127.0.0.1");
            return;
        }
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            file(exchange, method, "index.html");
        } else if (path.startsWith(API)) {
            api(exchange, method, path.substring(API.length()), host);
        } else if (path.startsWith(PATH + "/")) {
            file(exchange, method, path.substring(PATH.length() + 1));
        } else {
            error(exchange, 404, "nothing at " + path + "; the console is at " + PATH);
        }
    }

    private void api(HttpExchange exchange, String method, String name, String host) throws IOException {
        if (name.equals("state") || name.equals("events")) {
            if (!"GET".equals(method)) {
                methodNotAllowed(exchange, "GET");
            } else if (name.equals("state")) {
                json(exchange, 200, state.snapshot());
            } else if (events.tryOpen()) {
                events.stream(exchange);
            } else {
                error(exchange, 503, "too many console pages listen at once (" + ConsoleEvents.MAX_STREAMS
                                     + "); close some console tabs");
            }
            return;
        }
        if (!ConsoleActions.FIELDS.containsKey(name)) {
            error(exchange, 404, "no console API '" + name + "'; the actions are " + ConsoleActions.FIELDS.keySet()
                                 + ", and GET state and events");
            return;
        }
        if (!"POST".equals(method)) {
            methodNotAllowed(exchange, "POST");
            return;
        }
        String refusal = refusal(exchange.getRequestHeaders(), host);
        if (refusal != null) {
            error(exchange, 403, refusal);
            return;
        }
        ObjectNode body;
        try {
            body = body(exchange);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        ObjectNode answer;
        try {
            answer = actions.run(name, body);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        } catch (IllegalStateException e) {
            error(exchange, 409, e.getMessage());
            return;
        }
        events.nudge();
        json(exchange, 202, answer);
    }

    /** Why a POST is refused, or null: it must be JSON, and come from the console's own page if from a page. */
    static String refusal(Headers headers, String host) {
        String contentType = headers.getFirst("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals("application/json")) {
            return "the console's actions take Content-Type: application/json, not " + contentType;
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !origin.equals("http://" + host)) {
            return "the console's actions are for the console's own page (origin http://" + host + "), not for "
                   + origin;
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "the console's actions are for the console's own page, not for a " + site + " request";
        }
        return null;
    }

    /** Whether the Host header names this port on a loopback name, as the browser sends it for the console. */
    static boolean loopbackHost(String host, int port) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("127.0.0.1:" + port) || lower.equals("localhost:" + port) || lower.equals("[::1]:" + port);
    }

    private ObjectNode body(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new IllegalArgumentException("the request body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode parsed;
        try {
            parsed = raw.length == 0 ? mapper.createObjectNode() : mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        return (ObjectNode) parsed;
    }

    private void file(HttpExchange exchange, String method, String name) throws IOException {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            methodNotAllowed(exchange, "GET, HEAD");
            return;
        }
        StaticFiles.File file = StaticFiles.find(name);
        if (file == null) {
            error(exchange, 404, "the console has no file '" + name + "'");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", file.contentType());
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        send(exchange, 200, file.bytes());
    }

    private void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        error(exchange, 405, exchange.getRequestMethod() + " is not allowed here; use " + allowed);
    }

    private void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, mapper.createObjectNode().put("error", message));
    }

    private void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(exchange, status, mapper.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Ends the event streams; the sandbox closes its server next. */
    @Override
    public void close() {
        events.close();
    }
}
