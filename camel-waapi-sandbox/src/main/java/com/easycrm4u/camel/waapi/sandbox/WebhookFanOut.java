package com.easycrm4u.camel.waapi.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends an event to every key that should get it, as WAAPI fans events out per key: the key has a callback URL, is
 * subscribed to the event ({@code X-WAAPI-Event}) and is one of the event's audience (e.g. bound to the business
 * number).
 */
final class WebhookFanOut {

    private final ApiKeys keys;
    private final WebhookDispatcher dispatcher;
    private final ObjectMapper mapper;

    WebhookFanOut(ApiKeys keys, WebhookDispatcher dispatcher, ObjectMapper mapper) {
        this.keys = keys;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    /**
     * Delivers the body to the audience's keys; the future completes when every delivery is settled.
     *
     * @param kind      what the delivery carries, for introspection ({@code delivered}, {@code inbound:text}, ...)
     * @param subjectId the message, template or session the event is about
     */
    CompletableFuture<Void> deliver(
            Predicate<SandboxApiKey> audience, String event, String kind, String subjectId,
            ObjectNode body) {
        String json = json(body);
        List<CompletableFuture<WebhookDelivery>> pending = new ArrayList<>();
        for (SandboxApiKey key : keys.all()) {
            String url = keys.webhookUrl(key.getName());
            if (url != null && key.receives(event) && audience.test(key)) {
                pending.add(dispatcher.deliver(key, url, event, kind, subjectId, json).settled());
            }
        }
        return CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]));
    }

    /** Delivers to this key alone, whatever events it is subscribed to (the panel's "Send test event"). */
    WebhookDelivery deliverTo(SandboxApiKey key, String event, String kind, String subjectId, ObjectNode body) {
        String url = keys.webhookUrl(key.getName());
        if (url == null) {
            throw new IllegalStateException(
                    "API key '" + key.getName() + "' has no webhook URL; set one with "
                                            + "deliverWebhooksTo(...) or setWebhookUrl(...)");
        }
        return dispatcher.deliver(key, url, event, kind, subjectId, json(body));
    }

    /** How the deliveries about this message (template, session) went, for failure messages. */
    String report(SentMessage message) {
        List<WebhookDelivery> deliveries = dispatcher.deliveries().stream()
                .filter(d -> message.getMessageId().equals(d.getMessageId())).toList();
        if (deliveries.isEmpty()) {
            boolean anyUrl = keys.all().stream().anyMatch(k -> keys.webhookUrl(k.getName()) != null);
            return "no webhook deliveries (" + (anyUrl ? "none yet" : "no API key has a webhook URL") + ")";
        }
        return "webhook deliveries: " + deliveries.stream()
                .map(d -> d.getKind() + " to " + d.getUrl() + " " + d.getState() + " after " + d.getAttempts().stream()
                        .map(a -> a.answered() ? "HTTP " + a.statusCode() : a.error()).toList())
                .collect(Collectors.joining("; "));
    }

    private String json(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
