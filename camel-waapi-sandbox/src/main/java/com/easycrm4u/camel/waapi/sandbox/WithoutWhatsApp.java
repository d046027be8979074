package com.easycrm4u.camel.waapi.sandbox;

/**
 * How a Cloud API send to a recipient without WhatsApp fails. Meta reports it either way, so a route should handle
 * both; the sandbox lets a test choose per recipient.
 */
public enum WithoutWhatsApp {

    /**
     * The send is accepted ({@code status: sent}), then a {@code failed} status webhook carries {@code errors[0].code}
     * 131026.
     */
    FAILED_STATUS,

    /**
     * The send is refused at once with the reference's error example, byte for byte: HTTP 400
     * {@code {"success":false,"error":"(#131026) Recipient phone number does not have WhatsApp installed"}}; the route
     * gets a {@code WaapiException} with {@code getMetaErrorCode() == 131026}.
     */
    SEND_ERROR
}
