package com.easycrm4u.camel.waapi.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares an answer with the reference's example: the same fields in the same order, the same values, except the
 * placeholders of the reference ({@code wamid.HBgM...}, {@code 6a2dbff6...}, an example timestamp), which must have the
 * right form.
 */
final class DocumentedShape {

    private static final String EXAMPLE_TIMESTAMP = "2026-06-17T12:00:00.000Z";

    private DocumentedShape() {
    }

    static void assertMatches(JsonNode actual, String documented) {
        try {
            compare("$", actual, RawApi.JSON.readTree(documented));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void compare(String path, JsonNode actual, JsonNode expected) {
        assertThat(actual).as(path).isNotNull();
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
            assertThat(names(actual)).as(path + " fields").containsExactlyElementsOf(names(expected));
            expected.fields().forEachRemaining(e -> compare(path + "." + e.getKey(), actual.get(e.getKey()), e.getValue()));
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as(path + " is an array: " + actual).isTrue();
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", actual.get(i), expected.get(i));
            }
        } else if (expected.isTextual() && expected.asText().endsWith("...")) {
            String prefix = expected.asText().substring(0, expected.asText().length() - 3);
            String value = actual.asText();
            boolean hexId = prefix.matches("[0-9a-f]+") && value.matches("[0-9a-f]{24}");
            assertThat(value.startsWith(prefix) || hexId).as(path + " = " + value + " has the form of " + expected).isTrue();
        } else if (expected.isTextual() && expected.asText().equals(EXAMPLE_TIMESTAMP)) {
            assertThat(actual.asText()).as(path).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
