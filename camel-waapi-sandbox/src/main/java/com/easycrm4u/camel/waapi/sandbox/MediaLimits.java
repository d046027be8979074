package com.easycrm4u.camel.waapi.sandbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference's rules for media sends: one source ({@code link} or {@code mediaId}), a {@code link} that is a public
 * HTTPS URL, the Cloud API's types and sizes per message type (image JPG/PNG ≤ 5 MB; video mp4/3gp ≤ 16 MB; audio
 * aac/mp3/ogg/amr/m4a ≤ 16 MB; sticker webp; document any type ≤ 100 MB), captions and file names. The sandbox sees a
 * link's type by its file extension, and its type and size when a test declared the file
 * ({@link WaapiSandbox#putMediaFile}); it never fetches a link.
 */
final class MediaLimits {

    static final int MAX_CAPTION = 1024;
    private static final long MB = 1024L * 1024L;
    private static final Set<String> CAPTIONED = Set.of("image", "video", "document");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /** What a message type accepts; no types means any type, 0 bytes means no documented limit. */
    private record Limit(String label, Set<String> contentTypes, long maxBytes) {
    }

    private static final Map<String, Limit> CLOUD_LIMITS = Map.of(
            "image", new Limit("JPG or PNG", Set.of("image/jpeg", "image/png"), 5 * MB),
            "video", new Limit("mp4 or 3gp", Set.of("video/mp4", "video/3gpp"), 16 * MB),
            "audio", new Limit(
                    "aac, mp3, ogg, amr or m4a",
                    Set.of("audio/aac", "audio/mpeg", "audio/ogg", "audio/amr", "audio/mp4"), 16 * MB),
            "sticker", new Limit("webp", Set.of("image/webp"), 0),
            "document", new Limit("any type", Set.of(), 100 * MB));

    /** Content types by file extension, for the extensions a media link commonly has. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"),
            Map.entry("svg", "image/svg+xml"), Map.entry("heic", "image/heic"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("mp4", "video/mp4"), Map.entry("3gp", "video/3gpp"),
            Map.entry("mov", "video/quicktime"), Map.entry("avi", "video/x-msvideo"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("webm", "video/webm"), Map.entry("aac", "audio/aac"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/ogg"), Map.entry("amr", "audio/amr"),
            Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"), Map.entry("flac", "audio/flac"),
            Map.entry("pdf", "application/pdf"), Map.entry("docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("csv", "text/csv"), Map.entry("txt", "text/plain"));

    /** A file a test declared: what fetching its link would find. */
    private record MediaFile(String contentType, long sizeBytes) {
    }

    private final Map<String, MediaFile> files = new ConcurrentHashMap<>();

    void putFile(String link, String contentType, long sizeBytes) {
        requirePublicHttps(link, "link");
        if (contentType == null || !contentType.contains("/")) {
            throw new IllegalArgumentException("not a content type: " + contentType);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
        files.put(link, new MediaFile(contentType.toLowerCase(Locale.ROOT), sizeBytes));
    }

    /** A Cloud API media send: one of {@code link} and {@code mediaId}, and the type's limits on what is visible. */
    void validateCloud(ObjectNode body, String type, String prefix) {
        String link = RequestRules.optionalText(body, "link", prefix);
        String mediaId = RequestRules.optionalText(body, "mediaId", prefix);
        if (link == null && mediaId == null) {
            throw ApiError.badRequest("One of '" + prefix + "link' or '" + prefix + "mediaId' is required");
        }
        if (link != null && mediaId != null) {
            throw ApiError.badRequest("Pass only one of '" + prefix + "link' and '" + prefix + "mediaId'");
        }
        if (link != null) {
            requirePublicHttpsLink(link, prefix);
            checkTypeAndSize(link, type, CLOUD_LIMITS.get(type));
        }
        validateLabels(body, type, prefix);
    }

    /** A QR media send: a required public HTTPS {@code link} (the reference gives QR sends no type or size limits). */
    void validateQr(ObjectNode body, String type) {
        String link = RequestRules.optionalText(body, "link", "");
        if (link == null) {
            throw ApiError.badRequest("'link' is required");
        }
        requirePublicHttpsLink(link, "");
        validateLabels(body, type, "");
    }

    private static void validateLabels(ObjectNode body, String type, String prefix) {
        String caption = RequestRules.optionalText(body, "caption", prefix);
        if (caption != null) {
            if (!CAPTIONED.contains(type)) {
                throw ApiError.badRequest("'" + prefix + "caption' is not supported for " + type + " messages");
            }
            if (caption.length() > MAX_CAPTION) {
                throw ApiError.badRequest("'" + prefix + "caption' must be at most " + MAX_CAPTION + " characters");
            }
        }
        if (RequestRules.optionalText(body, "filename", prefix) != null && !"document".equals(type)) {
            throw ApiError.badRequest("'" + prefix + "filename' is only supported for document messages");
        }
    }

    private void checkTypeAndSize(String link, String type, Limit limit) {
        MediaFile file = files.get(link);
        String extension = extension(link);
        String contentType = file != null ? file.contentType() : extension != null ? EXTENSIONS.get(extension) : null;
        if (contentType != null && !limit.contentTypes().isEmpty() && !limit.contentTypes().contains(contentType)) {
            throw ApiError.badRequest("(#131053) Media upload error: " + type + " must be " + limit.label() + ", not "
                                      + contentType);
        }
        if (file != null && limit.maxBytes() > 0 && file.sizeBytes() > limit.maxBytes()) {
            throw ApiError.badRequest("(#131053) Media upload error: " + type + " must be at most "
                                      + limit.maxBytes() / MB + " MB, this one has " + file.sizeBytes() + " bytes");
        }
    }

    private static void requirePublicHttpsLink(String link, String prefix) {
        try {
            requirePublicHttps(link, prefix + "link");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static void requirePublicHttps(String link, String field) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "' must be a public HTTPS URL, got '" + link + "'");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + field + "' must be a public HTTPS URL, got '" + link + "'");
        }
        if (isLocal(uri.getHost())) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be a public HTTPS URL; " + uri.getHost()
                                               + " is a local address");
        }
    }

    /** Local names and address literals; a host name is never looked up. */
    private static boolean isLocal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local")) {
            return true;
        }
        boolean ipv6 = name.startsWith("[");
        java.util.regex.Matcher ipv4 = IPV4.matcher(name);
        if (!ipv6 && !(ipv4.matches() && octets(ipv4))) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean octets(java.util.regex.Matcher ipv4) {
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(ipv4.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The extension of a link that {@link #requirePublicHttps} accepted, so it has a path (perhaps empty). */
    private static String extension(String link) {
        String path = URI.create(link).getPath();
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }
}
