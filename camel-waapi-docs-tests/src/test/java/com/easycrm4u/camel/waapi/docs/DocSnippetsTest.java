package com.easycrm4u.camel.waapi.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code block of README.md and docs/*.md, as a reader pastes it, one test each (named page:line):
 * <ul>
 * <li>{@code java}: compiles against this module's test classpath ({@link JavaSnippets});</li>
 * <li>{@code yaml}: loads as Camel YAML DSL routes ({@link YamlSnippets});</li>
 * <li>{@code properties}: loads and applies on its platform ({@link PropertiesSnippets});</li>
 * <li>{@code xml}: is a pom or pom fragment Maven can resolve as pasted ({@link XmlSnippets});</li>
 * <li>{@code json}: parses;</li>
 * <li>commands and plain text ({@code bash}, {@code shell}, {@code console}, {@code text}, no language): not checked.
 * Any other language fails until it gets a check here or a skip marker.</li>
 * </ul>
 * A marker on the line before the fence, {@code <!-- snippet: clause; clause -->}, changes that:
 * <ul>
 * <li>{@code include <path>}: the block is that file of the repository, verbatim (its module builds and runs it).
 * {@code -Dwaapi.docs.update=true} copies the files into the pages.</li>
 * <li>{@code excerpt <path>}: the block's lines are lines of that file, in order.</li>
 * <li>{@code fragment routes|statements|members} and {@code given <type> <name>}: see {@link JavaSnippets}.</li>
 * <li>{@code platform camel-main|quarkus|spring-boot|karaf}: see {@link PropertiesSnippets}.</li>
 * <li>{@code pom-of <module>}: an XML block is the pom of the project that module builds: see {@link XmlSnippets}.</li>
 * <li>{@code skip <why>}: deliberately not checked; the reason is required.</li>
 * </ul>
 */
class DocSnippetsTest {

    private static final Set<String> UNCHECKED = Set.of("", "bash", "sh", "shell", "console", "text");
    private static final boolean UPDATE = Boolean.getBoolean("waapi.docs.update");

    @TestFactory
    Stream<DynamicTest> everySnippetOfTheDocs() throws IOException {
        List<Snippet> snippets = MarkdownPages.snippets();
        if (UPDATE) {
            updateIncludes(snippets);
            snippets = MarkdownPages.snippets();
        }
        Map<Snippet, List<String>> javaErrors = compileJava(snippets);
        Map<Path, List<Snippet>> byPage = new LinkedHashMap<>();
        snippets.forEach(s -> byPage.computeIfAbsent(s.page(), p -> new ArrayList<>()).add(s));
        return snippets.stream()
                .map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s, byPage.get(s.page()), javaErrors)));
    }

    @Test
    void theMarkerSyntaxIsReadAsDocumented() {
        String page = "# Title\n\n## Spring Boot\n\n<!-- snippet: fragment routes; given javax.sql.DataSource dataSource -->\n"
                      + "```java\nfrom(\"direct:a\").to(\"log:a\");\n```\n";
        List<Snippet> snippets = MarkdownPages.snippets(Path.of("docs", "x.md"), page);
        assertThat(snippets).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(6);
            assertThat(s.language()).isEqualTo("java");
            assertThat(s.clause("fragment")).contains("routes");
            assertThat(s.clause("given")).contains("javax.sql.DataSource dataSource");
            assertThat(s.headings()).containsExactly("Title", "Spring Boot");
            assertThat(PropertiesSnippets.platform(s)).isEqualTo("spring-boot");
        });
    }

    private static void check(Snippet snippet, List<Snippet> page, Map<Snippet, List<String>> javaErrors) throws Exception {
        if (snippet.hasClause("skip")) {
            assertThat(snippet.clause("skip").get()).as(snippet.where() + ": say why the block is not checked").isNotBlank();
            return;
        }
        if (snippet.hasClause("include")) {
            Path file = MarkdownPages.root().resolve(snippet.clause("include").get());
            assertThat(snippet.text())
                    .as(snippet.where() + " shows " + snippet.clause("include").get() + "; copy the file into the page"
                        + " (or run the docs tests with -Dwaapi.docs.update=true)")
                    .isEqualTo(normalized(Files.readString(file, StandardCharsets.UTF_8)));
            return;
        }
        if (snippet.hasClause("excerpt")) {
            assertExcerpt(snippet);
            return;
        }
        switch (snippet.language()) {
            case "java" -> {
                if (!javaErrors.get(snippet).isEmpty()) {
                    throw new AssertionError(
                            snippet.where() + " does not compile as pasted:\n  "
                                             + String.join("\n  ", javaErrors.get(snippet)));
                }
            }
            case "yaml", "yml" -> YamlSnippets.load(snippet);
            case "properties" -> PropertiesSnippets.check(snippet, page);
            case "xml" -> XmlSnippets.check(snippet);
            case "json" -> new ObjectMapper().readTree(snippet.text());
            default -> {
                if (!UNCHECKED.contains(snippet.language())) {
                    throw new AssertionError(
                            snippet.where() + ": no check for ```" + snippet.language()
                                             + " blocks: add one to DocSnippetsTest, or mark the block <!-- snippet: skip <why> -->");
                }
            }
        }
    }

    private static Map<Snippet, List<String>> compileJava(List<Snippet> snippets) {
        Map<Snippet, List<String>> errors = new LinkedHashMap<>();
        List<JavaSnippets.Unit> units = new ArrayList<>();
        for (Snippet s : snippets) {
            if (!s.language().equals("java") || s.hasClause("skip") || s.hasClause("include") || s.hasClause("excerpt")) {
                continue;
            }
            try {
                units.add(JavaSnippets.unit(s));
            } catch (AssertionError e) {
                errors.put(s, List.of(e.getMessage()));
            }
        }
        JavaSnippets.compile(units, Path.of("target", "snippet-classes").toAbsolutePath())
                .forEach((unit, unitErrors) -> errors.put(unit.snippet(), unitErrors));
        return errors;
    }

    private static void assertExcerpt(Snippet snippet) throws IOException {
        Path file = MarkdownPages.root().resolve(snippet.clause("excerpt").get());
        List<String> source = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        int at = 0;
        for (String line : snippet.text().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int found = source.subList(at, source.size()).indexOf(line.strip());
            assertThat(found).as(snippet.where() + ": '" + line.strip() + "' is not in " + file.getFileName()
                                 + " (after the lines before it)")
                    .isNotNegative();
            at += found + 1;
        }
    }

    private static void updateIncludes(List<Snippet> snippets) throws IOException {
        Map<Path, String> pages = new LinkedHashMap<>();
        // from the last block up, so the line numbers of the blocks above stay right
        for (int i = snippets.size() - 1; i >= 0; i--) {
            Snippet s = snippets.get(i);
            if (s.hasClause("include")) {
                String page = pages.computeIfAbsent(s.page(), MarkdownPages::read);
                String file = Files.readString(MarkdownPages.root().resolve(s.clause("include").get()), StandardCharsets.UTF_8);
                pages.put(s.page(), MarkdownPages.replaceBlock(page, s.line(), normalized(file)));
            }
        }
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            Files.writeString(MarkdownPages.root().resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static String normalized(String file) {
        return file.endsWith("\n") ? file : file + "\n";
    }
}
