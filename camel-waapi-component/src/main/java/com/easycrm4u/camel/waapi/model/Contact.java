package com.easycrm4u.camel.waapi.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact as the API returns it ({@code waapi:contacts/*} and {@code waapi:cloud/send}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Contact extends ContactDetails {

    @JsonProperty("_id")
    private String id;
    private String phoneNumber;
    private String countryCode;

    public Contact() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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
