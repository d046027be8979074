package com.easycrm4u.camel.waapi.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Request of {@code waapi:cloud/template}: an approved template by name and language, with Meta-shaped components.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMessage extends OutgoingMessage {

    private String name;
    private String language;
    private List<TemplateComponent> components;
    private String replyToWaMessageId;

    public TemplateMessage() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public List<TemplateComponent> getComponents() {
        return components;
    }

    public void setComponents(List<TemplateComponent> components) {
        this.components = components;
    }

    public String getReplyToWaMessageId() {
        return replyToWaMessageId;
    }

    public void setReplyToWaMessageId(String replyToWaMessageId) {
        this.replyToWaMessageId = replyToWaMessageId;
    }
}
