package com.easycrm4u.camel.waapi.sandbox.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page's files, read from the sandbox jar beside this class. Only a plain file name with a known extension is
 * served: no folder, no dot first, no escape, so no path leads anywhere else (nor to the classes of this package).
 */
final class StaticFiles {

    /** A served file's bytes and content type. */
    record File(byte[] bytes, String contentType) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private StaticFiles() {
    }

    /** The file of this name, or null when there is none to serve under it. */
    static File find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        String contentType = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (contentType == null || name.indexOf('.') < 0) {
            return null;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            return in == null ? null : new File(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + name, e);
        }
    }
}
