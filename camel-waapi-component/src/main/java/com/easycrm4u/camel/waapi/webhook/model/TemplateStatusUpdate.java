package com.easycrm4u.camel.waapi.webhook.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The value of a {@code message_template_status_update} change: Meta approved, rejected, paused or disabled a template.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class TemplateStatusUpdate implements ChangeValue {

    /** APPROVED, REJECTED, PAUSED, DISABLED, ... */
    private String event;
    private String messageTemplateId;
    private String messageTemplateName;
    private String messageTemplateLanguage;
    /** Why, e.g. NONE or INVALID_FORMAT. */
    private String reason;

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getMessageTemplateId() {
        return messageTemplateId;
    }

    public void setMessageTemplateId(String messageTemplateId) {
        this.messageTemplateId = messageTemplateId;
    }

    public String getMessageTemplateName() {
        return messageTemplateName;
    }

    public void setMessageTemplateName(String messageTemplateName) {
        this.messageTemplateName = messageTemplateName;
    }

    public String getMessageTemplateLanguage() {
        return messageTemplateLanguage;
    }

    public void setMessageTemplateLanguage(String messageTemplateLanguage) {
        this.messageTemplateLanguage = messageTemplateLanguage;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
