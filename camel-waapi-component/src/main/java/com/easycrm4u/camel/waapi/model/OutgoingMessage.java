package com.easycrm4u.camel.waapi.model;

/**
 * A request that sends a message: it names the recipient and the sending number.
 */
public interface OutgoingMessage {

    String getTo();

    void setTo(String to);

    String getFromPhoneNo();

    void setFromPhoneNo(String fromPhoneNo);
}
