package com.easycrm4u.camel.waapi.webhook.model;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * One change of an entry: its {@code field} names what changed and selects the class of its {@code value}
 * ({@link ChangeValue}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = WebhookChange.Deserializer.class)
public class WebhookChange {

    /** The change field for inbound messages and status updates. */
    public static final String FIELD_MESSAGES = "messages";
    /** The change field for template status changes. */
    public static final String FIELD_TEMPLATE_STATUS = "message_template_status_update";

    private String field;
    private ChangeValue value;

    public WebhookChange() {
    }

    public WebhookChange(String field, ChangeValue value) {
        this.field = field;
        this.value = value;
    }

    /** The class of the value of a change with this field. */
    public static Class<? extends ChangeValue> valueType(String field) {
        if (FIELD_MESSAGES.equals(field)) {
            return MessagesValue.class;
        }
        if (FIELD_TEMPLATE_STATUS.equals(field)) {
            return TemplateStatusUpdate.class;
        }
        return UnknownChangeValue.class;
    }

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

    /** Reads the value as the class its sibling {@code field} selects; other properties of a change are ignored. */
    static final class Deserializer extends StdDeserializer<WebhookChange> {

        Deserializer() {
            super(WebhookChange.class);
        }

        @Override
        public WebhookChange deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode change = context.readTree(parser);
            if (!change.isObject()) {
                return context.reportInputMismatch(WebhookChange.class, "a change must be a JSON object");
            }
            String field = change.path("field").isTextual() ? change.get("field").textValue() : null;
            JsonNode value = change.get("value");
            if (value == null || value.isNull()) {
                return new WebhookChange(field, null);
            }
            try {
                return new WebhookChange(field, context.readTreeAsValue(value, valueType(field)));
            } catch (JsonMappingException e) {
                e.prependPath(WebhookChange.class, "value");
                throw e;
            }
        }
    }
}
