package com.easycrm4u.camel.waapi.sandbox.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What media a customer can send, as Meta's inbound messages carry it. Internal to the sandbox. */
public final class InboundMedia {

    /** The media types of inbound messages. */
    public static final List<String> TYPES = List.of("image", "video", "audio", "document", "sticker");

    private static final Map<String, String> DEFAULT_TYPES = Map.of(
            "image", "image/jpeg", "video", "video/mp4", "audio", "audio/ogg", "document", "application/pdf",
            "sticker", "image/webp");
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("webp", "image/webp"), Map.entry("mp4", "video/mp4"), Map.entry("3gp", "video/3gpp"),
            Map.entry("ogg", "audio/ogg"), Map.entry("mp3", "audio/mpeg"), Map.entry("aac", "audio/aac"),
            Map.entry("amr", "audio/amr"), Map.entry("m4a", "audio/mp4"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private InboundMedia() {
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong with this media message. */
    public static void check(String type, String caption, String filename) {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("a customer's media message is one of " + TYPES + ", not " + type);
        }
        if (caption != null && ("audio".equals(type) || "sticker".equals(type))) {
            throw new IllegalArgumentException("WhatsApp sends " + type + " without a caption; leave the caption out");
        }
        if (filename != null && !"document".equals(type)) {
            throw new IllegalArgumentException("only documents have a file name; leave it out for " + type);
        }
    }

    /** The MIME type a link's file extension shows, or else the type's usual one. */
    public static String mimeType(String type, String link) {
        if (link != null) {
            String path = link.replaceAll("[?#].*$", "");
            int dot = path.lastIndexOf('.');
            if (dot > path.lastIndexOf('/')) {
                String byExtension = BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
                if (byExtension != null) {
                    return byExtension;
                }
            }
        }
        return DEFAULT_TYPES.get(type);
    }

    /** The file name at the end of a link's path, or null. */
    public static String fileName(String link) {
        if (link == null) {
            return null;
        }
        String path = link.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? null : name;
    }
}
