package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/**
 * One API operation behind a {@code waapi:} producer URI: how a request is made from an exchange, and what the answer
 * becomes.
 */
public interface OperationHandler {

    /** The URI path of the operation, e.g. {@code cloud/text}. */
    String uri();

    /** The HTTP method of the call. */
    String method();

    /**
     * Whether the call sends a WhatsApp message, so that a send-once key applies to it; false for the calls that only
     * read or change other data (ping, contacts, sessions).
     */
    default boolean sendsMessage() {
        return false;
    }

    /** The path of the call below the base URL. */
    String path();

    /**
     * Builds and validates the request body of the call from the exchange (headers over body over options).
     *
     * @return                                                    the request model to send as JSON, or null for a call
     *                                                            without body
     * @throws com.easycrm4u.camel.waapi.WaapiValidationException when the request is incomplete or malformed
     */
    Object buildRequest(Exchange exchange, WaapiConfiguration configuration, ObjectMapper mapper);

    /**
     * Sets the typed result of the answer as the message body, with the result headers.
     *
     * @param answer the body of a 2xx answer that did not say {@code "success": false}: JSON, or empty
     */
    void applyResult(Exchange exchange, byte[] answer, ObjectMapper mapper);
}
