package com.easycrm4u.camel.waapi.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /ping}: the vendor id and the name of the key that authenticated. */
final class PingEndpoint {

    private final ObjectMapper mapper;
    private final String vendorId;

    PingEndpoint(ObjectMapper mapper, String vendorId) {
        this.mapper = mapper;
        this.vendorId = vendorId;
    }

    ObjectNode ping(SandboxApiKey key, ObjectNode body) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", true);
        answer.put("pong", true);
        answer.put("vendorId", vendorId);
        answer.put("apiKeyName", key.getName());
        return answer;
    }
}
