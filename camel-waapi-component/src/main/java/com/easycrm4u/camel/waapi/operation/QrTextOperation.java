package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.QrTextMessage;
import org.apache.camel.Message;

/** {@code waapi:qr/text}: a String body is the text. */
final class QrTextOperation extends QrSendOperation<QrTextMessage> {

    QrTextOperation(String uri) {
        super(uri, "/whatsapp-qr/messages/text", QrTextMessage.class);
    }

    @Override
    protected QrTextMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        if (body instanceof CharSequence) {
            QrTextMessage text = new QrTextMessage();
            text.setBody(body.toString());
            return text;
        }
        return null;
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (the text)";
    }

    @Override
    protected void validateMessage(QrTextMessage request) {
        Fields.required("body", request.getBody(), uri());
        Fields.maxLength("body", request.getBody(), Fields.MAX_TEXT, uri());
    }
}
