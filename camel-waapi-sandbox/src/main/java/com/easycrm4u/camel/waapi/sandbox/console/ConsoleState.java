package com.easycrm4u.camel.waapi.sandbox.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.easycrm4u.camel.waapi.sandbox.CustomerMessage;
import com.easycrm4u.camel.waapi.sandbox.QuotaUsage;
import com.easycrm4u.camel.waapi.sandbox.SandboxApiKey;
import com.easycrm4u.camel.waapi.sandbox.SandboxFaults;
import com.easycrm4u.camel.waapi.sandbox.SandboxTemplate;
import com.easycrm4u.camel.waapi.sandbox.SentMessage;
import com.easycrm4u.camel.waapi.sandbox.ServiceWindow;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WebhookDelivery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sandbox's state as {@code GET /console/api/state} shows it, and its version.
 * <p>
 * The version is found by comparison rather than kept by the sandbox's parts: the state lives in a dozen classes with
 * locks of their own, and some of it changes with the clock alone (a service window closing, a quota's minute passing).
 * So each snapshot is compared with the previous one and the version moves when they differ; the event stream takes
 * snapshots a few times a second while a page listens.
 */
final class ConsoleState {

    /** The newest deliveries shown; older ones are counted only, so a long-running application's page stays small. */
    static final int MAX_DELIVERIES = 300;
    private static final DateTimeFormatter ISO_MILLIS
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final WaapiSandbox sandbox;
    private final ObjectMapper mapper;
    /** The links of media the console's customers sent: Meta's inbound messages carry a media id only. */
    private final Map<String, String> inboundLinks = new ConcurrentHashMap<>();
    private byte[] lastContent;
    private long version;
    private long snapshotAt;

    ConsoleState(WaapiSandbox sandbox, ObjectMapper mapper) {
        this.sandbox = sandbox;
        this.mapper = mapper;
    }

    void rememberLink(String inboundMessageId, String link) {
        if (link != null) {
            inboundLinks.put(inboundMessageId, link);
        }
    }

    /** The state with its version first. */
    synchronized ObjectNode snapshot() {
        ObjectNode content = content();
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the console's state", e);
        }
        if (!Arrays.equals(bytes, lastContent)) {
            lastContent = bytes;
            version++;
        }
        snapshotAt = System.nanoTime();
        ObjectNode state = mapper.createObjectNode();
        state.put("version", version);
        state.setAll(content);
        return state;
    }

    /** The version of a snapshot at most {@code maxAge} old. */
    synchronized long version(Duration maxAge) {
        if (lastContent == null || System.nanoTime() - snapshotAt > maxAge.toNanos()) {
            snapshot();
        }
        return version;
    }

    private ObjectNode content() {
        ObjectNode state = mapper.createObjectNode();
        ArrayNode numbers = state.putArray("phoneNumbers");
        sandbox.getPhoneNumbers().forEach(numbers::add);
        state.set("apiKeys", apiKeys());
        state.set("templates", templates());
        state.set("qrSessions", qrSessions());
        state.set("serviceWindows", serviceWindows());
        state.set("quotas", quotas());
        state.set("faults", faults(sandbox.faults()));
        List<WebhookDelivery> deliveries = sandbox.getDeliveries();
        state.put("deliveriesTotal", deliveries.size());
        state.set("deliveries", deliveries(deliveries));
        state.set("conversations", conversations());
        ArrayNode codes = state.putArray("errorCodes");
        MetaErrorCodes.all().forEach(c -> codes.addObject().put("code", c.code()).put("title", c.title()));
        return state;
    }

    private ArrayNode apiKeys() {
        ArrayNode keys = mapper.createArrayNode();
        for (SandboxApiKey key : sandbox.getApiKeys()) {
            // never the key, its secret or its verify token: the page is for anyone at this machine's browser
            ObjectNode view = keys.addObject();
            view.put("name", key.getName());
            ArrayNode bound = view.putArray("phoneNumbers");
            (key.isBoundToAllNumbers() ? sandbox.getPhoneNumbers() : List.copyOf(key.getNumbers())).forEach(bound::add);
            view.put("allNumbers", key.isBoundToAllNumbers());
            view.put("webhookUrl", sandbox.getWebhookUrl(key.getName()));
            view.put("scope", key.getScope().value());
            ArrayNode services = view.putArray("services");
            key.getServices().forEach(s -> services.add(s.displayName()));
            ArrayNode events = view.putArray("events");
            key.getEvents().forEach(events::add);
        }
        return keys;
    }

    private ArrayNode templates() {
        ArrayNode templates = mapper.createArrayNode();
        for (SandboxTemplate template : sandbox.getTemplates()) {
            ObjectNode view = templates.addObject();
            view.put("name", template.getName());
            view.put("language", template.getLanguage());
            view.put("category", template.getCategory());
            view.put("header", template.getHeader());
            view.put("body", template.getBody());
            view.put("footer", template.getFooter());
            ArrayNode buttons = view.putArray("buttons");
            template.getButtons().forEach(b -> buttons.addObject().put("type", b.type()).put("text", b.text())
                    .put("url", b.url()));
        }
        return templates;
    }

    private ArrayNode qrSessions() {
        ArrayNode sessions = mapper.createArrayNode();
        for (QrSession session : sandbox.getQrSessions()) {
            sessions.addObject().put("sessionId", session.getSessionId()).put("sessionName", session.getSessionName())
                    .put("phoneNumber", session.getPhoneNumber()).put("status", session.getStatus());
        }
        return sessions;
    }

    private ArrayNode serviceWindows() {
        ArrayNode windows = mapper.createArrayNode();
        sandbox.getServiceWindows().stream().sorted(Comparator.comparing(ServiceWindow::customer)
                .thenComparing(ServiceWindow::business))
                .forEach(w -> windows.addObject().put("customer", w.customer()).put("business", w.business())
                        .put("openUntil", iso(w.openUntil())).put("open", w.open()));
        return windows;
    }

    private ArrayNode quotas() {
        ArrayNode quotas = mapper.createArrayNode();
        for (QuotaUsage usage : sandbox.getQuotaUsage()) {
            quotas.addObject().put("apiKey", usage.apiKeyName()).put("perMinute", usage.perMinute())
                    .put("usedLastMinute", usage.usedLastMinute()).put("perHour", usage.perHour())
                    .put("usedLastHour", usage.usedLastHour());
        }
        return quotas;
    }

    /** The faults armed now, each with what it does. */
    private ArrayNode faults(SandboxFaults faults) {
        ArrayNode armed = mapper.createArrayNode();
        if (!faults.getLatency().isZero()) {
            fault(armed, "latency", faults.getLatency().toMillis(),
                    "every API answer is delayed by " + faults.getLatency().toMillis() + " ms");
        }
        if (faults.getServerErrorRate() > 0) {
            fault(armed, "serverErrorRate", faults.getServerErrorRate(),
                    Math.round(faults.getServerErrorRate() * 100) + "% of API requests answer 500");
        }
        if (faults.getDropRate() > 0) {
            fault(armed, "dropRate", faults.getDropRate(),
                    Math.round(faults.getDropRate() * 100) + "% of API requests are dropped without an answer");
        }
        if (faults.getFailNext() > 0) {
            fault(armed, "failNext", faults.getFailNext(), "the next " + faults.getFailNext() + " API requests answer 500");
        }
        if (faults.getDropNext() > 0) {
            fault(armed, "dropNext", faults.getDropNext(),
                    "the next " + faults.getDropNext() + " API requests are dropped without an answer");
        }
        if (faults.getRateLimitNext() > 0) {
            fault(armed, "rateLimitNext", faults.getRateLimitNext(),
                    "the next " + faults.getRateLimitNext() + " API requests answer 429");
        }
        return armed;
    }

    private static void fault(ArrayNode armed, String name, double share, String description) {
        armed.addObject().put("fault", name).put("value", share).put("description", description);
    }

    private static void fault(ArrayNode armed, String name, long count, String description) {
        armed.addObject().put("fault", name).put("value", count).put("description", description);
    }

    private ArrayNode deliveries(List<WebhookDelivery> all) {
        ArrayNode deliveries = mapper.createArrayNode();
        for (WebhookDelivery delivery : all.subList(Math.max(0, all.size() - MAX_DELIVERIES), all.size())) {
            ObjectNode view = deliveries.addObject();
            view.put("id", delivery.getDeliveryId());
            view.put("apiKey", delivery.getApiKeyName());
            view.put("event", delivery.getEvent());
            view.put("kind", delivery.getKind());
            view.put("subject", delivery.getMessageId());
            view.put("url", delivery.getUrl());
            view.put("state", delivery.getState().name().toLowerCase(java.util.Locale.ROOT));
            view.put("nextAttemptAt", iso(delivery.getNextAttemptAt()));
            ArrayNode attempts = view.putArray("attempts");
            List<WebhookDelivery.Attempt> made = delivery.getAttempts();
            List<Duration> durations = delivery.getAttemptDurations();
            for (int i = 0; i < made.size(); i++) {
                WebhookDelivery.Attempt attempt = made.get(i);
                ObjectNode a = attempts.addObject();
                a.put("number", attempt.number());
                a.put("at", iso(attempt.at()));
                if (attempt.answered()) {
                    a.put("status", attempt.statusCode());
                } else {
                    a.putNull("status");
                }
                a.put("durationMs", i < durations.size() ? durations.get(i).toMillis() : 0);
                a.put("error", attempt.error());
                a.put("nextRetryAt", i == made.size() - 1 ? iso(delivery.getNextAttemptAt()) : null);
            }
            view.set("body", body(delivery.getBody()));
        }
        return deliveries;
    }

    private JsonNode body(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }

    private record Item(Instant at, ObjectNode view) {
    }

    private ArrayNode conversations() {
        Map<String, List<Item>> byPair = new LinkedHashMap<>();
        Map<String, Instant> latest = new LinkedHashMap<>();
        MessageViews views = new MessageViews(mapper, sandbox.getTemplates());
        for (SentMessage message : sandbox.getSentMessages()) {
            add(byPair, latest, message.getTo(), message.getFrom(), message.getTimestamp(), views.outgoing(message));
        }
        for (CustomerMessage message : sandbox.getInboundMessages()) {
            add(byPair, latest, message.from(), message.to(), message.timestamp(),
                    views.incoming(message, inboundLinks.get(message.messageId())));
        }
        List<String> order = new ArrayList<>(byPair.keySet());
        order.sort(Comparator.comparing((String pair) -> latest.get(pair)).reversed().thenComparing(pair -> pair));
        ArrayNode conversations = mapper.createArrayNode();
        for (String pair : order) {
            String[] parts = pair.split(">", 2);
            ObjectNode conversation = conversations.addObject();
            conversation.put("customer", parts[0]);
            conversation.put("business", parts[1]);
            ArrayNode messages = conversation.putArray("messages");
            // a stable sort: what happened in the same millisecond stays in the order it was recorded
            byPair.get(pair).stream().sorted(Comparator.comparing(Item::at)).forEach(item -> messages.add(item.view()));
        }
        return conversations;
    }

    private static void add(
            Map<String, List<Item>> byPair, Map<String, Instant> latest, String customer, String business,
            Instant at, ObjectNode view) {
        String pair = customer + ">" + business;
        byPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(new Item(at, view));
        latest.merge(pair, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** A time as the page reads it: UTC with milliseconds, e.g. {@code 2026-06-17T12:00:00.000Z}. */
    static String iso(Instant at) {
        return at == null ? null : ISO_MILLIS.format(at);
    }
}
