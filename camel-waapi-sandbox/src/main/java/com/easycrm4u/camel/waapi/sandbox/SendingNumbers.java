package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The vendor's WhatsApp sending numbers (as E.164 digits) and their Meta phone number ids. */
final class SendingNumbers {

    private final List<String> numbers = new CopyOnWriteArrayList<>();
    private final Map<String, String> phoneNumberIds = new ConcurrentHashMap<>();

    /** Adds a number; a null id keeps the known one or makes up a stable one. */
    synchronized void add(String e164, String phoneNumberId) {
        if (!PhoneNumbers.isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
        String digits = PhoneNumbers.digits(e164);
        if (!numbers.contains(digits)) {
            numbers.add(digits);
        }
        if (phoneNumberId != null || !phoneNumberIds.containsKey(digits)) {
            // 16 digits like Meta's
            phoneNumberIds.put(digits, phoneNumberId != null
                    ? phoneNumberId : "1" + String.format("%015d", Long.parseLong(digits) % 1_000_000_000_000_000L));
        }
    }

    boolean contains(String digits) {
        return numbers.contains(digits);
    }

    List<String> all() {
        return List.copyOf(numbers);
    }

    String phoneNumberId(String digits) {
        return phoneNumberIds.get(digits);
    }

    /** Throws the 403 the sandbox answers when a key sends from a number it is not bound to. */
    void requireBound(SandboxApiKey key, String fromDigits) {
        if (!isBound(key, fromDigits)) {
            throw ApiError.error(403, "fromPhoneNo +" + fromDigits
                                      + " is not one of the WhatsApp numbers this API key is bound to");
        }
    }

    boolean isBound(SandboxApiKey key, String digits) {
        return key.isBoundToAllNumbers() ? numbers.contains(digits) : key.getNumbers().contains(digits);
    }

    /** The number a key sends from by default: its first bound number, or the vendor's first. */
    String first(SandboxApiKey key) {
        return key.isBoundToAllNumbers() ? numbers.get(0) : key.getNumbers().iterator().next();
    }
}
