package com.easycrm4u.camel.waapi.operation;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.model.TemplateComponent;
import com.easycrm4u.camel.waapi.model.TemplateMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/** {@code waapi:cloud/template}: a List body is the body parameters of the template, in order. */
final class CloudTemplateOperation extends SendOperation<TemplateMessage> {

    private static final TypeReference<List<TemplateComponent>> COMPONENTS = new TypeReference<>() {
    };

    CloudTemplateOperation(String uri) {
        super(uri, "/whatsapp-api/messages/template", TemplateMessage.class);
    }

    @Override
    protected TemplateMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        if (body instanceof List) {
            TemplateMessage request = new TemplateMessage();
            request.setComponents(List.of(TemplateComponent.bodyTexts((List<?>) body)));
            return request;
        }
        return null;
    }

    @Override
    protected String convenienceHint() {
        return ", or a List (the body parameters)";
    }

    @Override
    protected void applyMessageOptions(TemplateMessage request, WaapiConfiguration configuration) {
        request.setName(Fields.first(request.getName(), configuration.getTemplateName()));
        request.setLanguage(Fields.first(request.getLanguage(), configuration.getLanguage()));
    }

    @Override
    protected void applyMessageHeaders(TemplateMessage request, Message message, ObjectMapper mapper) {
        request.setName(Fields.header(message, WaapiConstants.TEMPLATE_NAME, String.class, request.getName()));
        request.setLanguage(Fields.header(message, WaapiConstants.TEMPLATE_LANGUAGE, String.class, request.getLanguage()));
        request.setReplyToWaMessageId(
                Fields.header(message, WaapiConstants.REPLY_TO_MESSAGE_ID, String.class, request.getReplyToWaMessageId()));
        Object components = message.getHeader(WaapiConstants.TEMPLATE_COMPONENTS);
        if (components != null) {
            try {
                // a String is the JSON array itself, as a YAML route's setHeader gives it
                request.setComponents(components instanceof CharSequence
                        ? mapper.readValue(components.toString(), COMPONENTS)
                        : mapper.convertValue(components, COMPONENTS));
            } catch (IllegalArgumentException | JsonProcessingException e) {
                throw new WaapiValidationException(
                        "components", "waapi:" + uri() + ": header "
                                      + WaapiConstants.TEMPLATE_COMPONENTS
                                      + " is not a list of Meta template components");
            }
        }
    }

    @Override
    protected void validateMessage(TemplateMessage request) {
        Fields.required("name", request.getName(), uri());
        Fields.required("language", request.getLanguage(), uri());
    }
}
