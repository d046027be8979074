package com.easycrm4u.camel.waapi.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The writable fields of a contact. Fields the API adds later (custom fields) are kept in {@link #getOther()} and sent
 * as they are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContactDetails {

    @JsonProperty("first_name")
    private String firstName;
    @JsonProperty("last_name")
    private String lastName;
    @JsonProperty("profile_name")
    private String profileName;
    private String email;
    private List<String> tags;
    private final Map<String, Object> other = new LinkedHashMap<>();

    public ContactDetails() {
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getProfileName() {
        return profileName;
    }

    public void setProfileName(String profileName) {
        this.profileName = profileName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    @JsonAnyGetter
    public Map<String, Object> getOther() {
        return other;
    }

    @JsonAnySetter
    public void setOther(String name, Object value) {
        other.put(name, value);
    }

    /** Whether no field at all is set. */
    @JsonIgnore
    public boolean isEmpty() {
        return firstName == null && lastName == null && profileName == null && email == null && tags == null
                && other.isEmpty();
    }
}
