package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a hand-written loop does with the answer: checks the status and reads the message id. */
final class Answers {

    private Answers() {
    }

    /** Null when the answer is a successful send, else why not. */
    static Throwable check(ObjectMapper mapper, int status, byte[] body) {
        if (status != 200) {
            return new IllegalStateException("HTTP " + status);
        }
        try {
            JsonNode messageId = mapper.readTree(body).path("data").path("messageId");
            return messageId.isTextual() ? null : new IllegalStateException("no message id");
        } catch (IOException e) {
            return e;
        }
    }
}
