package com.easycrm4u.camel.waapi.model;

/**
 * Request of {@code waapi:contacts/upsert}: creates the contact keyed by phone number, or updates it when it exists.
 */
public class ContactUpsert extends ContactDetails {

    private String phoneNumber;
    private String countryCode;

    public ContactUpsert() {
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
}
