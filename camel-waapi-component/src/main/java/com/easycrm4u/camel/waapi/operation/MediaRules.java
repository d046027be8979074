package com.easycrm4u.camel.waapi.operation;

import java.util.function.Supplier;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.MediaPayload;
import org.apache.camel.Message;

/**
 * What a media type accepts: a caption (image, video, document) and a file name (document). Shared by the Cloud API and
 * the QR media operations.
 */
final class MediaRules {

    private final String operation;
    private final String type;

    MediaRules(String operation) {
        this.operation = operation;
        this.type = typeOf(operation);
    }

    // asked on each request rather than kept from the constructor, which runs once for all operations in a static
    // initializer: that way a change to these rules is seen by the tests (mutation testing replaces a method's code
    // in a running JVM and cannot rerun a static initializer)
    private boolean captioned() {
        return !"audio".equals(type) && !"sticker".equals(type);
    }

    private boolean named() {
        return "document".equals(type);
    }

    /** The media type of a media operation: the last segment of its URI path ({@code cloud/image} sends an image). */
    static String typeOf(String operation) {
        return operation.substring(operation.lastIndexOf('/') + 1);
    }

    /** A String body is the link. */
    <M extends MediaPayload> M fromLink(Object body, Supplier<M> factory) {
        if (!(body instanceof CharSequence)) {
            return null;
        }
        M media = factory.get();
        media.setLink(body.toString());
        return media;
    }

    void applyOptions(MediaPayload media, WaapiConfiguration configuration) {
        if (captioned()) {
            media.setCaption(Fields.first(media.getCaption(), configuration.getCaption()));
        }
        if (named()) {
            media.setFilename(Fields.first(media.getFilename(), configuration.getFilename()));
        }
    }

    void applyHeaders(MediaPayload media, Message message) {
        media.setLink(Fields.header(message, WaapiConstants.MEDIA_LINK, String.class, media.getLink()));
        media.setCaption(Fields.header(message, WaapiConstants.CAPTION, String.class, media.getCaption()));
        media.setFilename(Fields.header(message, WaapiConstants.FILENAME, String.class, media.getFilename()));
    }

    void validateLabels(MediaPayload media) {
        if (captioned()) {
            Fields.maxLength("caption", media.getCaption(), Fields.MAX_CAPTION, operation);
        } else {
            Fields.notSupported("caption", media.getCaption(), operation);
        }
        if (!named()) {
            Fields.notSupported("filename", media.getFilename(), operation);
        }
    }
}
