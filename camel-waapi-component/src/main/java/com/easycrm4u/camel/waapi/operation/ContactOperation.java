package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.model.Contact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/** A contact operation: the answer's {@code data} becomes a {@link Contact}. */
abstract class ContactOperation<R> extends RequestOperation<R> {

    ContactOperation(String uri, String method, Class<R> requestType) {
        super(uri, method, "/contacts", requestType);
    }

    @Override
    public void applyResult(Exchange exchange, JsonNode answer, ObjectMapper mapper) {
        exchange.getMessage().setBody(mapper.convertValue(answer.path("data"), Contact.class));
    }
}
