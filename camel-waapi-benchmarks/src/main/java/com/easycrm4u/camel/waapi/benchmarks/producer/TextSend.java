package com.easycrm4u.camel.waapi.benchmarks.producer;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The send every producer path makes, as the hand-written loops write it: the JSON of {@code waapi:cloud/text} with the
 * headers the component sends.
 */
record TextSend(String to, String fromPhoneNo, String body, boolean previewUrl) {

    static final String BASE_PATH = "/api/v1/external";
    static final String PATH = BASE_PATH + "/whatsapp-api/messages/text";
    static final String API_KEY = "waapi_BENCHMARK_KEY";
    static final String API_SECRET = "secr_BENCHMARK_SECRET";
    static final String TO = "917890000198";
    static final String FROM = "+917890000199";
    static final String TEXT = "Your order 4711 has shipped and arrives on Friday.";

    /** The JSON a hand-written loop writes for each send: the message as a record, written by Jackson. */
    static byte[] json(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(new TextSend(TO, FROM, TEXT, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
