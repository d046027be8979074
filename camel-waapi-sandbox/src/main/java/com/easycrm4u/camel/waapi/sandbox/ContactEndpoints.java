package com.easycrm4u.camel.waapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code PATCH /contacts} (update an existing contact) and {@code POST /contacts} (create or update). */
final class ContactEndpoints {

    private final ObjectMapper mapper;
    private final Contacts contacts;

    ContactEndpoints(ObjectMapper mapper, Contacts contacts) {
        this.mapper = mapper;
        this.contacts = contacts;
    }

    ObjectNode update(SandboxApiKey key, ObjectNode body) {
        String phoneNumber = RequestRules.requiredText(body, "phoneNumber", "");
        String countryCode = RequestRules.optionalText(body, "countryCode", "");
        JsonNode updates = body.get("updates");
        if (updates != null && !updates.isNull() && !updates.isObject()) {
            throw ApiError.badRequest("'updates' must be an object");
        }
        ObjectNode fields = updates == null || updates.isNull()
                ? mapper.createObjectNode() : RequestRules.contactFields((ObjectNode) updates, "updates.");
        if (fields.isEmpty()) {
            throw ApiError.badRequest("No updatable fields provided");
        }
        ObjectNode contact = contacts.update(phoneNumber, countryCode, fields);
        if (contact == null) {
            throw ApiError.error(404, "Contact not found");
        }
        return Answers.success(mapper, contact);
    }

    ObjectNode upsert(SandboxApiKey key, ObjectNode body) {
        String phoneNumber = RequestRules.requiredText(body, "phoneNumber", "");
        String countryCode = RequestRules.optionalText(body, "countryCode", "");
        return Answers.success(mapper, contacts.upsert(phoneNumber, countryCode, RequestRules.contactFields(body, "")));
    }
}
