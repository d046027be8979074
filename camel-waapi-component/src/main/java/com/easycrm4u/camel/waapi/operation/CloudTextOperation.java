package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.TextMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/** {@code waapi:cloud/text}: a String body is the text. */
final class CloudTextOperation extends SendOperation<TextMessage> {

    CloudTextOperation(String uri) {
        super(uri, "/whatsapp-api/messages/text", TextMessage.class);
    }

    @Override
    protected TextMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        if (body instanceof CharSequence) {
            TextMessage request = new TextMessage();
            request.setBody(body.toString());
            return request;
        }
        return null;
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (the text)";
    }

    @Override
    protected void applyMessageOptions(TextMessage request, WaapiConfiguration configuration) {
        request.setPreviewUrl(Fields.first(request.getPreviewUrl(), configuration.getPreviewUrl()));
    }

    @Override
    protected void applyMessageHeaders(TextMessage request, Message message, ObjectMapper mapper) {
        request.setPreviewUrl(Fields.header(message, WaapiConstants.PREVIEW_URL, Boolean.class, request.getPreviewUrl()));
    }

    @Override
    protected void validateMessage(TextMessage request) {
        Fields.required("body", request.getBody(), uri());
        Fields.maxLength("body", request.getBody(), Fields.MAX_TEXT, uri());
    }
}
