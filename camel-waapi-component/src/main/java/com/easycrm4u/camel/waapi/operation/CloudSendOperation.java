package com.easycrm4u.camel.waapi.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.model.CombinedSendMessage;
import com.easycrm4u.camel.waapi.model.CombinedSendResult;
import com.easycrm4u.camel.waapi.model.ContactDetails;
import com.easycrm4u.camel.waapi.model.TemplateComponent;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code waapi:cloud/send}: upserts the contact and sends a message of any type. The convenience bodies follow the
 * type: a String is the text of a text message or the link of a media message, a List the body parameters of a
 * template.
 */
final class CloudSendOperation extends SendOperation<CombinedSendMessage> {

    static final List<String> TYPES = List.of("text", "image", "video", "audio", "document", "template", "buttons",
            "list", "cta");
    private static final JavaType COMBINED_ANSWER = ResultReader.dataOf(CombinedSendResult.class);
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document");

    CloudSendOperation(String uri) {
        super(uri, "/whatsapp-api/messages/send", CombinedSendMessage.class);
    }

    @Override
    protected CombinedSendMessage fromConvenienceBody(Object body, Message message, WaapiConfiguration configuration) {
        if (!(body instanceof CharSequence || body instanceof List)) {
            return null;
        }
        CombinedSendMessage request = new CombinedSendMessage();
        Map<String, Object> payload = new LinkedHashMap<>();
        if (body instanceof List) {
            payload.put("components", List.of(TemplateComponent.bodyTexts((List<?>) body)));
        } else if (isMedia(Fields.header(message, WaapiConstants.MESSAGE_TYPE, String.class, configuration.getMessageType()))) {
            payload.put("link", body.toString());
        } else {
            payload.put("body", body.toString());
        }
        request.setPayload(payload);
        return request;
    }

    @Override
    protected String convenienceHint() {
        return ", or a String (text or link) or a List (template body parameters)";
    }

    @Override
    protected void applyMessageOptions(CombinedSendMessage request, WaapiConfiguration configuration) {
        request.setCountryCode(Fields.first(request.getCountryCode(), configuration.getCountryCode()));
        request.setType(Fields.first(request.getType(), configuration.getMessageType()));
        if (request.getPayload() == null) {
            request.setPayload(new LinkedHashMap<>());
        }
        Map<String, Object> payload = request.getPayload();
        if ("template".equals(request.getType())) {
            payload.putIfAbsent("name", configuration.getTemplateName());
            payload.putIfAbsent("language", configuration.getLanguage());
        } else if ("text".equals(request.getType()) && configuration.getPreviewUrl() != null) {
            payload.putIfAbsent("previewUrl", configuration.getPreviewUrl());
        } else if (isMedia(request.getType())) {
            payload.putIfAbsent("caption", configuration.getCaption());
            if ("document".equals(request.getType())) {
                payload.putIfAbsent("filename", configuration.getFilename());
            }
        }
        payload.values().removeIf(v -> v == null);
    }

    @Override
    protected void applyMessageHeaders(CombinedSendMessage request, Message message, ObjectMapper mapper) {
        request.setCountryCode(Fields.header(message, WaapiConstants.COUNTRY_CODE, String.class, request.getCountryCode()));
        request.setType(Fields.header(message, WaapiConstants.MESSAGE_TYPE, String.class, request.getType()));
        Object contact = message.getHeader(WaapiConstants.CONTACT);
        if (contact != null) {
            try {
                request.setContact(mapper.convertValue(contact, ContactDetails.class));
            } catch (IllegalArgumentException e) {
                throw new WaapiValidationException(
                        "contact", "waapi:" + uri() + ": header " + WaapiConstants.CONTACT
                                   + " is not a contact (first_name, last_name, email, tags, ...)");
            }
        }
        if (request.getContact() == null) {
            // the API upserts nothing for an empty contact
            request.setContact(new ContactDetails());
        }
    }

    @Override
    protected void validateMessage(CombinedSendMessage request) {
        String type = request.getType();
        Fields.required("type", type, uri());
        if (!TYPES.contains(type)) {
            throw new WaapiValidationException(
                    "type", "waapi:" + uri() + ": unknown message type '" + type
                            + "'; one of " + String.join(", ", TYPES));
        }
        Map<String, Object> payload = request.getPayload();
        if (payload.isEmpty()) {
            throw new WaapiValidationException(
                    "payload", "waapi:" + uri() + " needs a 'payload' for the " + type
                               + " message");
        }
        if ("text".equals(type)) {
            Object body = payload.get("body");
            Fields.required("payload.body", body, uri());
            Fields.maxLength("payload.body", body.toString(), Fields.MAX_TEXT, uri());
        } else if ("template".equals(type)) {
            Fields.required("payload.name", payload.get("name"), uri());
            Fields.required("payload.language", payload.get("language"), uri());
        } else if (isMedia(type)) {
            Fields.exactlyOne("payload.link", payload.get("link"), "payload.mediaId", payload.get("mediaId"), uri());
            Object caption = payload.get("caption");
            Fields.maxLength("payload.caption", caption == null ? null : caption.toString(), Fields.MAX_CAPTION, uri());
        }
    }

    private static boolean isMedia(String type) {
        return type != null && MEDIA.contains(type);
    }

    @Override
    public void applyResult(Exchange exchange, byte[] answer, ObjectMapper mapper) {
        CombinedSendResult result = ResultReader.data(mapper, answer, COMBINED_ANSWER);
        setResult(exchange.getMessage(), result.getMessage());
        exchange.getMessage().setBody(result);
    }
}
