package com.easycrm4u.camel.waapi.model;

/**
 * A request that sends a message: it names the recipient and the sending number.
 */
public abstract class OutgoingMessage {

    private String to;
    private String fromPhoneNo;

    /** The recipient in E.164. */
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    /** The sending number in E.164, one of the numbers the API key is bound to. */
    public String getFromPhoneNo() {
        return fromPhoneNo;
    }

    public void setFromPhoneNo(String fromPhoneNo) {
        this.fromPhoneNo = fromPhoneNo;
    }
}
