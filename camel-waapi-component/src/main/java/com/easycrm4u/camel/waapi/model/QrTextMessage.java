package com.easycrm4u.camel.waapi.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Request of {@code waapi:qr/text}: a text from a connected WhatsApp QR session, chosen by {@code fromPhoneNo} or
 * {@code sessionId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QrTextMessage extends QrOutgoingMessage {

    private String body;

    public QrTextMessage() {
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
