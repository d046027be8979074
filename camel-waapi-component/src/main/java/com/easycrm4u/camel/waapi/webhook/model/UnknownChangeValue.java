package com.easycrm4u.camel.waapi.webhook.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * The value of a change whose {@code field} this component has no model for (e.g. {@code account_update}): every
 * property is kept as Jackson read it (maps, lists, strings, numbers, booleans).
 */
public class UnknownChangeValue implements ChangeValue {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> getProperties() {
        return properties;
    }

    @JsonAnySetter
    public void setProperty(String name, Object value) {
        properties.put(name, value);
    }

    @Override
    public String toString() {
        return "UnknownChangeValue" + properties.keySet();
    }
}
