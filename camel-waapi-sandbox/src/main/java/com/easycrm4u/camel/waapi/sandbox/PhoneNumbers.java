package com.easycrm4u.camel.waapi.sandbox;

import java.util.regex.Pattern;

/** Phone number rules of the API: E.164 with an optional plus; the sandbox compares numbers by their digits. */
final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{6,14}");

    private PhoneNumbers() {
    }

    static boolean isE164(String value) {
        return value != null && E164.matcher(value.trim()).matches();
    }

    /** Only the digits, e.g. {@code 917890000199} for {@code +91 78900-00199}. */
    static String digits(String value) {
        return value == null ? null : value.replaceAll("\\D", "");
    }

    /**
     * A contact key in any format made canonical: the digits, prefixed by the country code unless the number already
     * carries one (a leading plus or more than ten digits).
     */
    static String normalize(String phoneNumber, String countryCode) {
        String digits = digits(phoneNumber);
        if (phoneNumber.trim().startsWith("+") || digits.length() > 10) {
            return digits;
        }
        String country = digits(countryCode == null || countryCode.isBlank() ? "+91" : countryCode);
        return country + digits;
    }

    /** How WhatsApp shows a number in webhook metadata, e.g. {@code +917890000199}. */
    static String display(String digits) {
        return "+" + digits;
    }
}
