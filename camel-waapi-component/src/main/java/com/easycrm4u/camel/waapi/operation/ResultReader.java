package com.easycrm4u.camel.waapi.operation;

import java.io.IOException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * Reads the body of a successful answer into the models of an operation's result. The answers of sends, read per
 * message, go straight from their bytes to the model in one pass; the others through a JSON tree, and from the tree by
 * walking it (not by {@code convertValue}, which writes the tree out to a token buffer and reads that back).
 */
final class ResultReader {

    private ResultReader() {
    }

    /** The type of an answer whose result is its {@code data} of the given type. */
    static JavaType dataOf(Class<?> type) {
        return TypeFactory.defaultInstance().constructParametricType(DataEnvelope.class, type);
    }

    /** The answer's {@code data} as the type made by {@link #dataOf}; null when the answer or its data is empty. */
    static <T> T data(ObjectMapper mapper, byte[] answer, JavaType envelope) {
        if (isEmpty(answer)) {
            return null;
        }
        try {
            DataEnvelope<T> read = mapper.readValue(answer, envelope);
            return read == null ? null : read.getData();
        } catch (IOException e) {
            // what convertValue threw for the same mismatch
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The answer as a JSON tree; a null node when it is empty. */
    static JsonNode tree(ObjectMapper mapper, byte[] answer) {
        if (isEmpty(answer)) {
            return NullNode.getInstance();
        }
        try {
            return mapper.readTree(answer);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The node as the type; null when the node is missing or null. */
    static <T> T read(ObjectMapper mapper, JsonNode node, Class<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The node as the generic type; null when the node is missing or null. */
    static <T> T read(ObjectMapper mapper, JsonNode node, TypeReference<T> type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return mapper.readerFor(type).readValue(node);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static boolean isEmpty(byte[] answer) {
        for (byte b : answer) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
