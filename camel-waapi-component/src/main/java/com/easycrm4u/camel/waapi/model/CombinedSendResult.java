package com.easycrm4u.camel.waapi.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code waapi:cloud/send}: the upserted contact and the sent message.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CombinedSendResult {

    private Contact contact;
    private SendResult message;

    public CombinedSendResult() {
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }

    public SendResult getMessage() {
        return message;
    }

    public void setMessage(SendResult message) {
        this.message = message;
    }
}
