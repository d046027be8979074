package com.easycrm4u.camel.waapi.model;

/**
 * A message sent from a WhatsApp QR session, chosen by the sending number or by the session id.
 */
public abstract class QrOutgoingMessage extends OutgoingMessage {

    private String sessionId;

    /** The QR session to send from; an alternative to {@code fromPhoneNo}. */
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }
}
