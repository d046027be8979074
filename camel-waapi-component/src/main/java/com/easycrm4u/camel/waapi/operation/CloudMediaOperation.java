package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.MediaMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/**
 * {@code waapi:cloud/image}, {@code video}, {@code audio}, {@code sticker} and {@code document}: a String body is the
 * link. Captions go with image, video and document; a file name with document only.
 */
final class CloudMediaOperation extends SendOperation<MediaMessage> {

    private final boolean captioned;
    private final boolean named;

    CloudMediaOperation(String type, boolean captioned, boolean named) {
        super("cloud/" + type, "/whatsapp-api/messages/" + type, MediaMessage.class);
        this.captioned = captioned;
        this.named = named;
    }

    @Override
    protected MediaMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        if (body instanceof CharSequence) {
            MediaMessage request = new MediaMessage();
            request.setLink(body.toString());
            return request;
        }
        return null;
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (the link)";
    }

    @Override
    protected void applyMessageOptions(MediaMessage request, WaapiConfiguration configuration) {
        if (captioned) {
            request.setCaption(Fields.first(request.getCaption(), configuration.getCaption()));
        }
        if (named) {
            request.setFilename(Fields.first(request.getFilename(), configuration.getFilename()));
        }
    }

    @Override
    protected void applyMessageHeaders(MediaMessage request, Message message, ObjectMapper mapper) {
        request.setLink(Fields.header(message, WaapiConstants.MEDIA_LINK, String.class, request.getLink()));
        request.setMediaId(Fields.header(message, WaapiConstants.MEDIA_ID, String.class, request.getMediaId()));
        request.setCaption(Fields.header(message, WaapiConstants.CAPTION, String.class, request.getCaption()));
        request.setFilename(Fields.header(message, WaapiConstants.FILENAME, String.class, request.getFilename()));
    }

    @Override
    protected void validateMessage(MediaMessage request) {
        Fields.exactlyOne("link", request.getLink(), "mediaId", request.getMediaId(), uri());
        if (captioned) {
            Fields.maxLength("caption", request.getCaption(), Fields.MAX_CAPTION, uri());
        } else {
            Fields.notSupported("caption", request.getCaption(), uri());
        }
        if (!named) {
            Fields.notSupported("filename", request.getFilename(), uri());
        }
    }
}
