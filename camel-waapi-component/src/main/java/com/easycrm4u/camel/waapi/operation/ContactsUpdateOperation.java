package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiValidationException;
import com.easycrm4u.camel.waapi.model.ContactDetails;
import com.easycrm4u.camel.waapi.model.ContactUpdate;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/**
 * {@code waapi:contacts/update}: PATCH of an existing contact. The header {@code CamelWaapiContact} may carry the
 * {@code updates}.
 */
final class ContactsUpdateOperation extends ContactOperation<ContactUpdate> {

    ContactsUpdateOperation(String uri) {
        super(uri, "PATCH", ContactUpdate.class);
    }

    @Override
    protected void applyOptions(ContactUpdate request, WaapiConfiguration configuration) {
        request.setCountryCode(Fields.first(request.getCountryCode(), configuration.getCountryCode()));
    }

    @Override
    protected void applyHeaders(ContactUpdate request, Message message, ObjectMapper mapper) {
        request.setPhoneNumber(Fields.header(message, WaapiConstants.PHONE_NUMBER, String.class, request.getPhoneNumber()));
        request.setCountryCode(Fields.header(message, WaapiConstants.COUNTRY_CODE, String.class, request.getCountryCode()));
        Object updates = message.getHeader(WaapiConstants.CONTACT);
        if (updates != null) {
            try {
                request.setUpdates(mapper.convertValue(updates, ContactDetails.class));
            } catch (IllegalArgumentException e) {
                throw new WaapiValidationException(
                        "updates", "waapi:" + uri() + ": header " + WaapiConstants.CONTACT
                                   + " is not a set of contact fields");
            }
        }
    }

    @Override
    protected void validate(ContactUpdate request) {
        Fields.required("phoneNumber", request.getPhoneNumber(), uri());
        if (request.getUpdates() == null || request.getUpdates().isEmpty()) {
            throw new WaapiValidationException(
                    "updates", "waapi:" + uri()
                               + " needs at least one field in 'updates' (first_name, last_name, profile_name, email, tags)");
        }
    }
}
