package com.easycrm4u.camel.waapi.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.easycrm4u.camel.waapi.operation.OperationHandler;
import com.easycrm4u.camel.waapi.operation.WaapiUriPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations the docs name are the operations of {@link WaapiUriPath}, name by name and in its order: the URI table
 * of docs/waapi-component.md (with the HTTP call of each handler), the sections of its Operations chapter, and the
 * README's list.
 */
class OperationDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "waapi-component.md");
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BRACES = Pattern.compile("`waapi:([a-z]+)/\\{([a-z,]+)}`|`waapi:([a-z]+)`");

    @Test
    void theUriTableListsEveryOperationWithItsHttpCall() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : chapter(PAGE, "## URI format")) {
            if (!line.startsWith("| `waapi:")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String httpCall = cells[2].trim();
            for (String uri : codeSpans(cells[1])) {
                rows.put(uri.replaceFirst("^waapi:", ""), httpCall);
            }
        }

        assertThat(List.copyOf(rows.keySet())).as("the URIs of the table in " + PAGE).containsExactlyElementsOf(allUris());
        for (WaapiUriPath operation : WaapiUriPath.values()) {
            String documented = rows.get(operation.uri());
            if (operation.isProducer()) {
                OperationHandler handler = operation.handler();
                String type = operation.uri().substring(operation.uri().lastIndexOf('/') + 1);
                assertThat(handler.method() + " " + handler.path()).as("the HTTP call of waapi:%s in %s", operation, PAGE)
                        .isEqualTo(documented.replace("{type}", type).replaceFirst(" \\(.*", ""));
            } else {
                assertThat(documented).as("the row of waapi:%s in %s", operation, PAGE).contains("webhook");
            }
        }
    }

    @Test
    void theOperationsChapterHasASectionForEveryProducer() throws IOException {
        List<String> sections = new ArrayList<>();
        for (String line : chapter(PAGE, "## Operations")) {
            if (line.startsWith("### waapi:")) {
                Arrays.stream(line.substring("### waapi:".length()).split(","))
                        .forEach(uri -> sections.add(uri.trim()));
            }
        }
        assertThat(sections).as("the ### waapi: sections of the Operations chapter of " + PAGE)
                .containsExactlyElementsOf(WaapiUriPath.producerUris());
    }

    @Test
    void theReadmeListsEveryOperation() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("- `waapi:` producers");
        int end = readme.indexOf("\n- ", start + 1);
        assertThat(start).as("the list of producers in " + README).isNotNegative();

        List<String> listed = new ArrayList<>();
        Matcher m = BRACES.matcher(readme.substring(start, end));
        while (m.find()) {
            if (m.group(3) != null) {
                listed.add(m.group(3));
            } else {
                for (String name : m.group(2).split(",")) {
                    listed.add(m.group(1) + "/" + name);
                }
            }
        }
        assertThat(listed).as("the producers listed in " + README).containsExactlyElementsOf(WaapiUriPath.producerUris());
        assertThat(readme).contains("- `waapi:" + WaapiUriPath.WEBHOOK + "`:");
    }

    private static List<String> allUris() {
        return Arrays.stream(WaapiUriPath.values()).map(WaapiUriPath::uri).toList();
    }

    /** The lines of a chapter: from its heading to the next heading of the same level. */
    private static List<String> chapter(Path page, String heading) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        int start = lines.indexOf(heading);
        assertThat(start).as(heading + " in " + page).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith(level)) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    private static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }
}
