package com.easycrm4u.camel.waapi.karaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header such as Import-Package: the names it applies to, its attributes
 * ({@code version="[4.14,5)"}) and its directives ({@code resolution:=optional}).
 */
record OsgiHeader(String name, Map<String, String> attributes, Map<String, String> directives) {

    boolean optional() {
        return "optional".equals(directives.get("resolution"));
    }

    String version() {
        return attributes.get("version");
    }

    /** The clauses of a header value, one per package; null or blank gives none. */
    static List<OsgiHeader> parse(String header) {
        List<OsgiHeader> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int directive = part.indexOf(":=");
                int attribute = part.indexOf('=');
                if (directive > 0) {
                    directives.put(part.substring(0, directive).trim(), unquote(part.substring(directive + 2)));
                } else if (attribute > 0) {
                    attributes.put(part.substring(0, attribute).trim(), unquote(part.substring(attribute + 1)));
                } else {
                    names.add(part.trim());
                }
            }
            names.forEach(name -> clauses.add(new OsgiHeader(name, attributes, directives)));
        }
        return clauses;
    }

    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.startsWith("\"") && trimmed.endsWith("\"") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
