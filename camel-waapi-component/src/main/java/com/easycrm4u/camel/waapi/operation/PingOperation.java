package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.PingResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/** {@code waapi:ping}: checks the credentials; the body becomes a {@link PingResult}. */
final class PingOperation implements OperationHandler {

    private final String uri;

    PingOperation(String uri) {
        this.uri = uri;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/ping";
    }

    @Override
    public Object buildRequest(Exchange exchange, WaapiConfiguration configuration, ObjectMapper mapper) {
        return null;
    }

    @Override
    public void applyResult(Exchange exchange, byte[] answer, ObjectMapper mapper) {
        exchange.getMessage().setBody(ResultReader.read(mapper, ResultReader.tree(mapper, answer), PingResult.class));
    }
}
