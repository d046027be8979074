package com.easycrm4u.camel.waapi.operation;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.QrSession;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/** {@code waapi:qr/sessions}: the body becomes a {@code List<QrSession>}. */
final class QrSessionsOperation implements OperationHandler {

    private static final TypeReference<List<QrSession>> SESSIONS = new TypeReference<>() {
    };

    private final String uri;

    QrSessionsOperation(String uri) {
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
        return "/whatsapp-qr/sessions";
    }

    @Override
    public Object buildRequest(Exchange exchange, WaapiConfiguration configuration, ObjectMapper mapper) {
        return null;
    }

    @Override
    public void applyResult(Exchange exchange, byte[] answer, ObjectMapper mapper) {
        JsonNode data = ResultReader.tree(mapper, answer).path("data");
        exchange.getMessage().setBody(data.isArray() ? ResultReader.read(mapper, data, SESSIONS) : List.of());
    }
}
