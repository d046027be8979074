package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.model.Contact;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/** A contact operation: the answer's {@code data} becomes a {@link Contact}. */
abstract class ContactOperation<R> extends RequestOperation<R> {

    private static final JavaType CONTACT_ANSWER = ResultReader.dataOf(Contact.class);

    ContactOperation(String uri, String method, Class<R> requestType) {
        super(uri, method, "/contacts", requestType);
    }

    @Override
    public void applyResult(Exchange exchange, byte[] answer, ObjectMapper mapper) {
        exchange.getMessage().setBody(ResultReader.data(mapper, answer, CONTACT_ANSWER));
    }
}
