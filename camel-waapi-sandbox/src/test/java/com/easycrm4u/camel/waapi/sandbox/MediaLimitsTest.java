package com.easycrm4u.camel.waapi.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The media rules at their edges (docs/sandbox.md, "The rules and their answers"): a public HTTPS link, the documented
 * types and sizes, captions and file names. No link is ever fetched or looked up.
 */
class MediaLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MB = 1024L * 1024L;

    private final MediaLimits media = new MediaLimits();

    @Test
    void localNamesAndAddressesAreNotPublic() {
        for (String host : new String[] {
                "localhost", "LOCALHOST", "api.localhost", "printer.local", "127.0.0.1", "127.1.2.3", "10.0.0.255",
                "172.16.0.1", "192.168.1.1", "169.254.1.1", "0.0.0.0", "224.0.0.1", "[::1]", "[fe80::1]", "[::]" }) {
            assertRefused("https://" + host + "/a.jpg", "image").isInstanceOf(ApiError.class)
                    .hasMessage("'link' must be a public HTTPS URL; " + host + " is a local address");
        }
    }

    @Test
    void publicNamesAndAddressesPass() {
        for (String host : new String[] {
                "example.com", "localhost.example.com", "local.example.com", "93.184.216.34", "8.8.8.8",
                "[2001:db8::1]" }) {
            assertAccepted("https://" + host + "/a.jpg", "image");
        }
    }

    @Test
    void aDeclaredFileNeedsAPublicHttpsLinkAContentTypeAndASize() {
        assertThatThrownBy(() -> media.putFile("http://cdn.example.com/a.png", "image/png", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'link' must be a public HTTPS URL, got 'http://cdn.example.com/a.png'");
        assertThatThrownBy(() -> media.putFile("https://10.1.1.1/a.png", "image/png", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("10.1.1.1 is a local address");
        assertThatThrownBy(() -> media.putFile("https://cdn.example.com/a.png", "png", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a content type: png");
        assertThatThrownBy(() -> media.putFile("https://cdn.example.com/a.png", null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> media.putFile("https://cdn.example.com/a.png", "image/png", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sizeBytes must not be negative");

        media.putFile("https://cdn.example.com/empty", "IMAGE/PNG", 0);
        // an empty file, of a content type in capitals
        assertAccepted("https://cdn.example.com/empty", "image");
    }

    @Test
    void aDeclaredFileMayHaveExactlyTheLimit() {
        media.putFile("https://cdn.example.com/5mb", "image/jpeg", 5 * MB);
        media.putFile("https://cdn.example.com/5mb+1", "image/jpeg", 5 * MB + 1);

        assertAccepted("https://cdn.example.com/5mb", "image");
        assertRefused("https://cdn.example.com/5mb+1", "image")
                .hasMessage("(#131053) Media upload error: image must be at most 5 MB, this one has 5242881 bytes");
    }

    @Test
    void aStickerHasATypeButNoDocumentedSize() {
        media.putFile("https://cdn.example.com/huge.webp", "image/webp", 200 * MB);

        assertAccepted("https://cdn.example.com/huge.webp", "sticker");
    }

    @Test
    void theTypeShowsInTheLastPathSegmentOnly() {
        // the dot is in a directory name: no extension, so no type to check
        assertAccepted("https://example.com/v1.2/picture", "image");
        assertRefused("https://example.com/v1.2/picture.GIF?size=2", "image")
                .hasMessage("(#131053) Media upload error: image must be JPG or PNG, not image/gif");
    }

    @Test
    void captionsHaveAtMost1024CharactersOnImageVideoAndDocument() {
        for (String type : new String[] { "image", "video", "document" }) {
            ObjectNode body = link("https://example.com/f").put("caption", "c".repeat(1024));
            assertThatCode(() -> media.validateCloud(body, type, "")).as(type).doesNotThrowAnyException();
            assertThatCode(() -> media.validateQr(body, type)).as(type).doesNotThrowAnyException();
            body.put("caption", "c".repeat(1025));
            assertThatThrownBy(() -> media.validateCloud(body, type, "payload.")).as(type)
                    .hasMessage("'payload.caption' must be at most 1024 characters");
            assertThatThrownBy(() -> media.validateQr(body, type)).as(type)
                    .hasMessage("'caption' must be at most 1024 characters");
        }
        assertThatThrownBy(() -> media.validateQr(link("https://example.com/f.mp3").put("caption", "c"), "audio"))
                .hasMessage("'caption' is not supported for audio messages");
    }

    @Test
    void aFileNameGoesWithDocumentsOnly() {
        assertThatCode(() -> media.validateQr(link("https://example.com/f").put("filename", "invoice.pdf"), "document"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> media.validateQr(link("https://example.com/f").put("filename", "a.jpg"), "image"))
                .hasMessage("'filename' is only supported for document messages");
        assertThatThrownBy(() -> media.validateCloud(link("https://example.com/f").put("filename", "a.mp4"), "video", ""))
                .hasMessage("'filename' is only supported for document messages");
    }

    private void assertAccepted(String link, String type) {
        assertThatCode(() -> media.validateCloud(link(link), type, "")).as(link).doesNotThrowAnyException();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String link, String type) {
        return assertThatThrownBy(() -> media.validateCloud(link(link), type, "")).as(link);
    }

    private static ObjectNode link(String link) {
        return JSON.createObjectNode().put("link", link);
    }
}
