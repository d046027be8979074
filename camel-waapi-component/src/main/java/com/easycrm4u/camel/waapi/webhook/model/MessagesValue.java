package com.easycrm4u.camel.waapi.webhook.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The value of a {@code messages} change: inbound messages and/or status updates of one business number.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class MessagesValue implements ChangeValue {

    /** Always {@code whatsapp}. */
    private String messagingProduct;
    private WebhookMetadata metadata;
    /** The senders of the inbound messages. */
    private List<WebhookContact> contacts;
    private List<InboundMessage> messages;
    private List<MessageStatus> statuses;
    /** Errors Meta reports for the whole change. */
    private List<WebhookError> errors;

    public String getMessagingProduct() {
        return messagingProduct;
    }

    public void setMessagingProduct(String messagingProduct) {
        this.messagingProduct = messagingProduct;
    }

    public WebhookMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(WebhookMetadata metadata) {
        this.metadata = metadata;
    }

    public List<WebhookContact> getContacts() {
        return contacts;
    }

    public void setContacts(List<WebhookContact> contacts) {
        this.contacts = contacts;
    }

    public List<InboundMessage> getMessages() {
        return messages;
    }

    public void setMessages(List<InboundMessage> messages) {
        this.messages = messages;
    }

    public List<MessageStatus> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<MessageStatus> statuses) {
        this.statuses = statuses;
    }

    public List<WebhookError> getErrors() {
        return errors;
    }

    public void setErrors(List<WebhookError> errors) {
        this.errors = errors;
    }
}
