package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message a simulated customer sent to a business number (see {@link WaapiSandbox#injectText}), as the webhook
 * envelope carries it.
 *
 * @param messageId the customer's message wamid
 * @param from      the customer's digits
 * @param to        the digits of the business number that received it
 * @param type      {@code text}, {@code image} or {@code interactive}
 * @param message   the Meta-shaped message object of the envelope
 */
public record CustomerMessage(String messageId, String from, String to, String type, Instant timestamp, JsonNode message) {
}
