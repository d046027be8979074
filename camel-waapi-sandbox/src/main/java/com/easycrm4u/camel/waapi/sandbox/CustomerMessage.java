package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A customer message injected into the sandbox, as the webhook envelope carries it.
 *
 * @param messageId the customer's message wamid
 * @param from      the customer's digits
 * @param to        the digits of the business number that received it
 * @param type      {@code text}, {@code image} or {@code interactive}
 * @param message   the Meta-shaped message object of the envelope
 */
public record InboundMessage(String messageId, String from, String to, String type, Instant timestamp, JsonNode message) {
}
