package com.easycrm4u.camel.waapi.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The recipients that have no WhatsApp, and how sends to each of them fail. */
final class RecipientsWithoutWhatsApp {

    static final int META_CODE = 131026;
    static final String DETAILS = "Recipient phone number does not have WhatsApp installed";

    private final Map<String, WithoutWhatsApp> recipients = new ConcurrentHashMap<>();

    void add(String e164, WithoutWhatsApp how) {
        if (!PhoneNumbers.isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
        recipients.put(PhoneNumbers.digits(e164), Objects.requireNonNull(how, "how"));
    }

    /** Throws the reference's synchronous 400 when the recipient's sends are to be refused. */
    void refuseSynchronously(String toDigits) {
        if (recipients.get(toDigits) == WithoutWhatsApp.SEND_ERROR) {
            throw ApiError.badRequest("(#" + META_CODE + ") " + DETAILS);
        }
    }

    /** Whether an accepted send to this recipient fails later, in a status webhook. */
    boolean failsLater(String toDigits) {
        return recipients.get(toDigits) == WithoutWhatsApp.FAILED_STATUS;
    }
}
