package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.MediaMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/**
 * {@code waapi:cloud/image}, {@code video}, {@code audio}, {@code sticker} and {@code document}: media by link or by
 * Meta media id; a String body is the link.
 */
final class CloudMediaOperation extends SendOperation<MediaMessage> {

    private final MediaRules rules;

    CloudMediaOperation(String uri) {
        super(uri, "/whatsapp-api/messages/" + MediaRules.typeOf(uri), MediaMessage.class);
        this.rules = new MediaRules(uri);
    }

    @Override
    protected MediaMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        return rules.fromLink(body, MediaMessage::new);
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (the link)";
    }

    @Override
    protected void applyMessageOptions(MediaMessage request, WaapiConfiguration configuration) {
        rules.applyOptions(request, configuration);
    }

    @Override
    protected void applyMessageHeaders(MediaMessage request, Message message, ObjectMapper mapper) {
        rules.applyHeaders(request, message);
        request.setMediaId(Fields.header(message, WaapiConstants.MEDIA_ID, String.class, request.getMediaId()));
    }

    @Override
    protected void validateMessage(MediaMessage request) {
        Fields.exactlyOne("link", request.getLink(), "mediaId", request.getMediaId(), uri());
        rules.validateLabels(request);
    }
}
