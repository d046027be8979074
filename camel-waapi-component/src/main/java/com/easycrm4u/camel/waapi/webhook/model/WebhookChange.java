package com.easycrm4u.camel.waapi.webhook.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One change of an entry: its {@code field} names what changed and selects the class of its {@code value}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookChange {

    /** The change field for inbound messages and status updates. */
    public static final String FIELD_MESSAGES = "messages";
    /** The change field for template status changes. */
    public static final String FIELD_TEMPLATE_STATUS = "message_template_status_update";

    // written as the type id of value when serialized, so not twice
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    private String field;
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "field",
                  visible = true, defaultImpl = UnknownChangeValue.class)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = MessagesValue.class, name = FIELD_MESSAGES),
            @JsonSubTypes.Type(value = TemplateStatusUpdate.class, name = FIELD_TEMPLATE_STATUS) })
    private ChangeValue value;

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public ChangeValue getValue() {
        return value;
    }

    public void setValue(ChangeValue value) {
        this.value = value;
    }
}
