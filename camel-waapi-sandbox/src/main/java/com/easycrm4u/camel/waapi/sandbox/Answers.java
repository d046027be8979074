package com.easycrm4u.camel.waapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The two shapes of every answer: {@code {"success": true, "data": ...}} and {@code {"success": false, ...}}. */
final class Answers {

    private Answers() {
    }

    static ObjectNode success(ObjectMapper mapper, JsonNode data) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", true);
        answer.set("data", data);
        return answer;
    }

    /** A failure; {@code field} is {@code error} or {@code message}, as the reference documents each answer. */
    static ObjectNode failure(ObjectMapper mapper, String field, String text) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", false);
        answer.put(field, text);
        return answer;
    }
}
