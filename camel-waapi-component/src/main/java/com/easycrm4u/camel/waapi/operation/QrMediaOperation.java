package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.QrMediaMessage;
import org.apache.camel.Message;

/**
 * {@code waapi:qr/image}, {@code video}, {@code audio} and {@code document}: media by public link only; a String body
 * is the link.
 */
final class QrMediaOperation extends QrSendOperation<QrMediaMessage> {

    private final boolean captioned;
    private final boolean named;

    QrMediaOperation(String type, boolean captioned, boolean named) {
        super("qr/" + type, "/whatsapp-qr/messages/" + type, QrMediaMessage.class);
        this.captioned = captioned;
        this.named = named;
    }

    @Override
    protected QrMediaMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        if (body instanceof CharSequence) {
            QrMediaMessage media = new QrMediaMessage();
            media.setLink(body.toString());
            return media;
        }
        return null;
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (the link)";
    }

    @Override
    protected void applyQrOptions(QrMediaMessage request, WaapiConfiguration configuration) {
        if (captioned) {
            request.setCaption(Fields.first(request.getCaption(), configuration.getCaption()));
        }
        if (named) {
            request.setFilename(Fields.first(request.getFilename(), configuration.getFilename()));
        }
    }

    @Override
    protected void applyQrHeaders(QrMediaMessage request, Message message) {
        request.setLink(Fields.header(message, WaapiConstants.MEDIA_LINK, String.class, request.getLink()));
        request.setCaption(Fields.header(message, WaapiConstants.CAPTION, String.class, request.getCaption()));
        request.setFilename(Fields.header(message, WaapiConstants.FILENAME, String.class, request.getFilename()));
    }

    @Override
    protected void validateMessage(QrMediaMessage request) {
        Fields.required("link", request.getLink(), uri());
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
