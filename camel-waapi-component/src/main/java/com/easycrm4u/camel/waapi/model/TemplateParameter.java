package com.easycrm4u.camel.waapi.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One template parameter. {@code text} parameters have their own field; the other Meta kinds (currency, date_time,
 * image, document, video, payload) keep their objects in {@link #getOther()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateParameter {

    private String type;
    private String text;
    private final Map<String, Object> other = new LinkedHashMap<>();

    public TemplateParameter() {
    }

    public static TemplateParameter text(String text) {
        TemplateParameter parameter = new TemplateParameter();
        parameter.setType("text");
        parameter.setText(text);
        return parameter;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    @JsonAnyGetter
    public Map<String, Object> getOther() {
        return other;
    }

    @JsonAnySetter
    public void setOther(String name, Object value) {
        other.put(name, value);
    }
}
