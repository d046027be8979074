package com.easycrm4u.camel.waapi.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of docs/waapi-component.md are rendered from the component JSON that the build
 * generates, never typed by hand. Run with {@code -Dwaapi.docs.update=true} to rewrite them after changing an option.
 */
class ComponentDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "waapi-component.md");
    private static final Pattern SECTION = Pattern.compile("(<!-- (\\S+):start -->\\n)(.*?)(<!-- \\2:end -->)", Pattern.DOTALL);

    @Test
    void tablesMatchTheGeneratedMetadata() throws IOException {
        JsonNode model;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/com/easycrm4u/camel/waapi/waapi.json")) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            model = new ObjectMapper().readTree(in);
        }
        Map<String, String> tables = Map.of(
                "component-options", optionTable(model.get("componentProperties")),
                "endpoint-options", optionTable(model.get("properties")),
                "headers", headerTable(model.get("headers")));

        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Matcher m = SECTION.matcher(page);
        StringBuilder rendered = new StringBuilder();
        int found = 0;
        while (m.find()) {
            String table = tables.get(m.group(2));
            assertThat(table).as("a table named " + m.group(2)).isNotNull();
            m.appendReplacement(rendered, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
            found++;
        }
        m.appendTail(rendered);
        assertThat(found).as("table sections in " + PAGE).isEqualTo(tables.size());

        if (Boolean.getBoolean("waapi.docs.update")) {
            Files.writeString(PAGE, rendered.toString(), StandardCharsets.UTF_8);
        } else {
            assertThat(page).as("docs/waapi-component.md is out of date with the component metadata; run "
                                + "./mvnw -pl camel-waapi-component test -Dtest=ComponentDocsTest -Dwaapi.docs.update=true")
                    .isEqualTo(rendered.toString());
        }
    }

    private static String optionTable(JsonNode options) {
        StringBuilder table
                = new StringBuilder("| Name | Kind | Group | Default | Type | Description |\n|---|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            table.append("| `").append(option.getKey()).append("`")
                    .append(o.path("required").asBoolean() ? " (required)" : "")
                    .append(o.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(o.path("kind").asText())
                    .append(" | ")
                    .append(o.path("label").asText().isEmpty() ? o.path("group").asText() : o.path("label").asText())
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(shortType(o.path("javaType").asText()))
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(o.has("enum") ? " One of: " + enumList(o.get("enum")) + "." : "")
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder table = new StringBuilder("| Header | Used by | Type | Description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            table.append("| `").append(header.getKey()).append("` | ")
                    .append(h.path("label").asText().isEmpty() ? "producer, consumer" : h.path("label").asText())
                    .append(" | ").append(shortType(h.path("javaType").asText()))
                    .append(" | ").append(cell(h.path("description").asText())).append(" |\n");
        }
        return table.toString();
    }

    private static String enumList(JsonNode values) {
        StringBuilder list = new StringBuilder();
        values.forEach(v -> list.append(list.length() == 0 ? "" : ", ").append('`').append(v.asText()).append('`'));
        return list.toString();
    }

    private static String shortType(String javaType) {
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
