package com.easycrm4u.camel.waapi.model;

/**
 * A message sent from a WhatsApp QR session, chosen by the sending number or by the session id.
 */
public interface QrOutgoingMessage extends OutgoingMessage {

    String getSessionId();

    void setSessionId(String sessionId);
}
