package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;

/**
 * A customer's 24-hour service window with a business number: opened by the customer's latest message.
 *
 * @param customer  the customer's digits
 * @param business  the business number's digits
 * @param openUntil when it closes (by the sandbox's clock)
 * @param open      whether it is still open now
 */
public record ServiceWindow(String customer, String business, Instant openUntil, boolean open) {
}
