package com.easycrm4u.camel.waapi.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages a user reads (README.md and every docs/*.md) and their fenced code blocks.
 *
 * <p>
 * A block may carry a marker, an HTML comment on the line right before its opening fence, which GitHub does not show:
 * {@code <!-- snippet: clause; clause -->}. The clauses are listed in {@link DocSnippetsTest}.
 */
final class MarkdownPages {

    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*([\\w+-]*)\\s*(.*)$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*snippet:(.*?)-->\\s*$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*$");

    private MarkdownPages() {
    }

    /** The repository root: the surefire property waapi.repo.root, else the parent of the working directory. */
    static Path root() {
        String root = System.getProperty("waapi.repo.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** README.md and docs/*.md, relative to the root, in a stable order. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
                    .forEach(p -> pages.add(root().relativize(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static String read(Path page) {
        try {
            return Files.readString(root().resolve(page), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Snippet> snippets() {
        List<Snippet> all = new ArrayList<>();
        for (Path page : pages()) {
            all.addAll(snippets(page, read(page)));
        }
        return all;
    }

    static List<Snippet> snippets(Path page, String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher heading = HEADING.matcher(lines[i]);
            if (heading.matches()) {
                int level = heading.group(1).length();
                while (headings.size() >= level) {
                    headings.remove(headings.size() - 1);
                }
                while (headings.size() < level - 1) {
                    headings.add("");
                }
                headings.add(heading.group(2));
                continue;
            }
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                continue;
            }
            String close = fence.group(1);
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].trim().equals(close); i++) {
                text.append(lines[i]).append('\n');
            }
            if (i == lines.length) {
                throw new IllegalStateException(page + ":" + (start + 1) + ": the code block is never closed");
            }
            List<String> marker = List.of();
            Matcher m = start > 0 ? MARKER.matcher(lines[start - 1].trim()) : null;
            if (m != null && m.matches()) {
                marker = Arrays.stream(m.group(1).split(";")).map(String::trim).filter(c -> !c.isEmpty()).toList();
            }
            snippets.add(new Snippet(
                    page, start + 1, fence.group(2).toLowerCase(), text.toString(),
                    List.copyOf(headings), marker));
        }
        return snippets;
    }

    /** The page with the text of the block that starts at this line replaced (for -Dwaapi.docs.update=true). */
    static String replaceBlock(String markdown, int fenceLine, String newText) {
        String[] lines = markdown.split("\n", -1);
        String close = FENCE.matcher(lines[fenceLine - 1]).replaceFirst("$1");
        int end = fenceLine;
        while (!lines[end].trim().equals(close)) {
            end++;
        }
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < fenceLine; i++) {
            page.append(lines[i]).append('\n');
        }
        page.append(newText);
        for (int i = end; i < lines.length; i++) {
            page.append(lines[i]);
            if (i < lines.length - 1) {
                page.append('\n');
            }
        }
        return page.toString();
    }
}
