package com.easycrm4u.camel.waapi.webhook;

/**
 * A webhook body that is not JSON or not a WhatsApp webhook envelope; the consumer answers it with 400.
 */
public class InvalidWebhookPayloadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidWebhookPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
