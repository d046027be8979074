package com.easycrm4u.camel.waapi.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Request of {@code waapi:contacts/update}: a partial update of an existing contact; only the fields set in
 * {@code updates} are written.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContactUpdate {

    private String phoneNumber;
    private String countryCode;
    private ContactDetails updates;

    public ContactUpdate() {
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public ContactDetails getUpdates() {
        return updates;
    }

    public void setUpdates(ContactDetails updates) {
        this.updates = updates;
    }
}
