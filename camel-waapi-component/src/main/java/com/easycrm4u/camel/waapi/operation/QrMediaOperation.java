package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.QrMediaMessage;
import org.apache.camel.Message;

/**
 * {@code waapi:qr/image}, {@code video}, {@code audio} and {@code document}: media by public link only; a String body
 * is the link.
 */
final class QrMediaOperation extends QrSendOperation<QrMediaMessage> {

    private final MediaRules rules;

    QrMediaOperation(String uri) {
        super(uri, "/whatsapp-qr/messages/" + MediaRules.typeOf(uri), QrMediaMessage.class);
        this.rules = new MediaRules(uri);
    }

    @Override
    protected QrMediaMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        return rules.fromLink(body, QrMediaMessage::new);
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (the link)";
    }

    @Override
    protected void applyQrOptions(QrMediaMessage request, WaapiConfiguration configuration) {
        rules.applyOptions(request, configuration);
    }

    @Override
    protected void applyQrHeaders(QrMediaMessage request, Message message) {
        rules.applyHeaders(request, message);
    }

    @Override
    protected void validateMessage(QrMediaMessage request) {
        Fields.required("link", request.getLink(), uri());
        rules.validateLabels(request);
    }
}
