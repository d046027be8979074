package com.easycrm4u.camel.waapi.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One fenced code block of a page: its language (the first word of the info string), its text, the headings above it,
 * and the {@code <!-- snippet: ... -->} marker on the line before its fence, if any.
 *
 * @param page     the page, relative to the repository root (e.g. {@code docs/sandbox.md})
 * @param line     the line of the opening fence (1-based)
 * @param language {@code java}, {@code yaml}, ..., or empty for a fence without one
 * @param text     the block's lines, each ending with a newline
 * @param headings the headings the block is under, outermost first
 * @param marker   the clauses of the marker, e.g. {@code ["fragment routes", "given javax.sql.DataSource dataSource"]}
 */
record Snippet(Path page, int line, String language, String text, List<String> headings, List<String> marker) {

    /** The argument of the marker clause with this keyword: {@code clause("include")} → the path. */
    Optional<String> clause(String keyword) {
        return marker.stream()
                .filter(c -> c.equals(keyword) || c.startsWith(keyword + " "))
                .map(c -> c.substring(keyword.length()).trim())
                .findFirst();
    }

    boolean hasClause(String keyword) {
        return clause(keyword).isPresent();
    }

    /** page:line, as a test name and in failure messages. */
    String where() {
        return page.toString().replace('\\', '/') + ":" + line;
    }

    @Override
    public String toString() {
        return where() + " (" + (language.isEmpty() ? "no language" : language) + ")";
    }
}
