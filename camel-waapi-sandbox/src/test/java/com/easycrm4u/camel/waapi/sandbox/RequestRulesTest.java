package com.easycrm4u.camel.waapi.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The field rules of request bodies at their edges, with the 400 texts docs/sandbox.md lists. */
class RequestRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBlankOrNullTextCountsAsMissing() {
        assertThat(RequestRules.optionalText(body("{'caption': '   '}"), "caption", "")).isNull();
        assertThat(RequestRules.optionalText(body("{'caption': null}"), "caption", "")).isNull();
        assertThat(RequestRules.optionalText(body("{'caption': ' x '}"), "caption", "")).isEqualTo(" x ");
        assertThatThrownBy(() -> RequestRules.requiredText(body("{'to': ''}"), "to", "payload."))
                .hasMessage("'payload.to' is required");
        assertThatThrownBy(() -> RequestRules.optionalText(body("{'caption': 5}"), "caption", "payload."))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("'payload.caption' must be a string");
    }

    @Test
    void aTextHasAtMost4096Characters() {
        assertThat(RequestRules.text(body("{}").put("body", "x".repeat(4096)), "")).hasSize(4096);
        assertThatThrownBy(() -> RequestRules.text(body("{}").put("body", "x".repeat(4097)), "payload."))
                .hasMessage("'payload.body' must be at most 4096 characters");
    }

    @Test
    void previewUrlIsAnOptionalBoolean() {
        for (String previewUrl : new String[] { "true", "false", "null" }) {
            assertThatCode(() -> RequestRules.cloudText(body("{'body': 'Hi', 'previewUrl': " + previewUrl + "}"), ""))
                    .as(previewUrl).doesNotThrowAnyException();
        }
        assertThatCode(() -> RequestRules.cloudText(body("{'body': 'Hi'}"), "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestRules.cloudText(body("{'body': 'Hi', 'previewUrl': 'yes'}"), "payload."))
                .hasMessage("'payload.previewUrl' must be a boolean");
    }

    @Test
    void contactFieldsAreStringsOrNullTagsAreStringsAndAnEmailHasADomain() {
        ObjectNode fields = RequestRules.contactFields(
                body("{'first_name': 'Sayantan', 'last_name': null, 'email': 's@example.com', 'tags': ['vip'], "
                     + "'phoneNumber': '917890000198', 'city': 'Kolkata'}"),
                "");
        assertThat(fields).hasToString(
                "{\"first_name\":\"Sayantan\",\"last_name\":null,\"email\":\"s@example.com\",\"tags\":[\"vip\"]}");

        assertThat(RequestRules.contactFields(body("{'email': null}"), "")).as("an email may be cleared")
                .hasToString("{\"email\":null}");
        assertThatThrownBy(() -> RequestRules.contactFields(body("{'tags': ['vip', 1]}"), "contact."))
                .hasMessage("'contact.tags' must be an array of strings");
        assertThatThrownBy(() -> RequestRules.contactFields(body("{'profile_name': 7}"), "updates."))
                .hasMessage("'updates.profile_name' must be a string");
        for (String email : new String[] { "s@example", "s@@example.com", "s example@x.com", "@example.com" }) {
            assertThatThrownBy(() -> RequestRules.contactFields(body("{}").put("email", email), "contact."))
                    .as(email).hasMessage("'contact.email' is not a valid email address");
        }
    }

    @Test
    void aCoordinateIsARequiredNumberWithinItsLimit() {
        for (String latitude : new String[] { "90", "-90", "0", "89.999" }) {
            assertThatCode(() -> RequestRules.coordinate(body("{'latitude': " + latitude + "}"), "latitude", 90))
                    .as(latitude).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> RequestRules.coordinate(body("{'latitude': -90.5}"), "latitude", 90))
                .hasMessage("'latitude' must be between -90 and 90");
        assertThatThrownBy(() -> RequestRules.coordinate(body("{'longitude': 180.01}"), "longitude", 180))
                .hasMessage("'longitude' must be between -180 and 180");
        assertThatThrownBy(() -> RequestRules.coordinate(body("{'latitude': '22.5'}"), "latitude", 90))
                .hasMessage("'latitude' must be a number");
        assertThatThrownBy(() -> RequestRules.coordinate(body("{'latitude': null}"), "latitude", 90))
                .hasMessage("'latitude' is required");
        assertThatThrownBy(() -> RequestRules.coordinate(body("{}"), "latitude", 90)).hasMessage("'latitude' is required");
    }

    @Test
    void phoneNumbersAreE164WithSevenToFifteenDigits() {
        assertThat(PhoneNumbers.isE164("+1234567")).isTrue();
        assertThat(PhoneNumbers.isE164("123456789012345")).isTrue();
        assertThat(PhoneNumbers.isE164(" +917890000198 ")).isTrue();
        assertThat(PhoneNumbers.isE164("123456")).isFalse();
        assertThat(PhoneNumbers.isE164("1234567890123456")).isFalse();
        assertThat(PhoneNumbers.isE164("0917890000198")).isFalse();
        assertThat(PhoneNumbers.isE164(null)).isFalse();
        assertThatThrownBy(() -> RequestRules.e164Digits("to", "+91 7890"))
                .hasMessage("'to' must be a phone number in E.164 (e.g. 917890000198), got '+91 7890'");
        assertThat(RequestRules.phoneNumber(body("{'to': '+917890000198'}"), "to")).isEqualTo("917890000198");
    }

    @Test
    void aContactNumberGetsTheCountryCodeUnlessItCarriesOne() {
        assertThat(PhoneNumbers.normalize("7890000198", null)).isEqualTo("917890000198");
        assertThat(PhoneNumbers.normalize("7890000198", " ")).isEqualTo("917890000198");
        assertThat(PhoneNumbers.normalize("151 123-4567", "+49")).isEqualTo("491511234567");
        assertThat(PhoneNumbers.normalize("15112345678", "+49")).as("eleven digits carry one").isEqualTo("15112345678");
        assertThat(PhoneNumbers.normalize(" +1 555 0100", "+91")).as("a leading plus").isEqualTo("15550100");
    }

    private static ObjectNode body(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(RawApi.json(singleQuoted));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
