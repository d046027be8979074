package com.easycrm4u.camel.waapi.operation;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.model.ContactUpsert;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

/** {@code waapi:contacts/upsert}: POST that creates the contact or updates the one with that phone number. */
final class ContactsUpsertOperation extends ContactOperation<ContactUpsert> {

    ContactsUpsertOperation(String uri) {
        super(uri, "POST", ContactUpsert.class);
    }

    @Override
    protected void applyOptions(ContactUpsert request, WaapiConfiguration configuration) {
        request.setCountryCode(Fields.first(request.getCountryCode(), configuration.getCountryCode()));
    }

    @Override
    protected void applyHeaders(ContactUpsert request, Message message, ObjectMapper mapper) {
        request.setPhoneNumber(Fields.header(message, WaapiConstants.PHONE_NUMBER, String.class, request.getPhoneNumber()));
        request.setCountryCode(Fields.header(message, WaapiConstants.COUNTRY_CODE, String.class, request.getCountryCode()));
    }

    @Override
    protected void validate(ContactUpsert request) {
        Fields.required("phoneNumber", request.getPhoneNumber(), uri());
    }
}
