package com.easycrm4u.camel.waapi.webhook.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A status update of a message you sent: {@code sent}, {@code delivered}, {@code read} or {@code failed}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class MessageStatus {

    /** The wamid of your message. */
    private String id;
    private String status;
    /** Unix seconds. */
    private String timestamp;
    private String recipientId;
    private String bizOpaqueCallbackData;
    private Conversation conversation;
    private Pricing pricing;
    /** Why the message failed (status failed). */
    private List<WebhookError> errors;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }

    public String getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(String recipientId) {
        this.recipientId = recipientId;
    }

    public String getBizOpaqueCallbackData() {
        return bizOpaqueCallbackData;
    }

    public void setBizOpaqueCallbackData(String bizOpaqueCallbackData) {
        this.bizOpaqueCallbackData = bizOpaqueCallbackData;
    }

    public Conversation getConversation() {
        return conversation;
    }

    public void setConversation(Conversation conversation) {
        this.conversation = conversation;
    }

    public Pricing getPricing() {
        return pricing;
    }

    public void setPricing(Pricing pricing) {
        this.pricing = pricing;
    }

    public List<WebhookError> getErrors() {
        return errors;
    }

    public void setErrors(List<WebhookError> errors) {
        this.errors = errors;
    }

    /**
     * Meta's 24-hour conversation (billing window) of the message.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Conversation {

        private String id;
        private String expirationTimestamp;
        private Origin origin;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getExpirationTimestamp() {
            return expirationTimestamp;
        }

        public void setExpirationTimestamp(String expirationTimestamp) {
            this.expirationTimestamp = expirationTimestamp;
        }

        public Origin getOrigin() {
            return origin;
        }

        public void setOrigin(Origin origin) {
            this.origin = origin;
        }

        /**
         * What opened the conversation.
         */
        @JsonIgnoreProperties(ignoreUnknown = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        public static class Origin {

            /** marketing, utility, authentication or service. */
            private String type;

            public String getType() {
                return type;
            }

            public void setType(String type) {
                this.type = type;
            }
        }
    }

    /**
     * How Meta charges the message.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Pricing {

        private Boolean billable;
        private String pricingModel;
        private String category;
        private String type;

        public Boolean getBillable() {
            return billable;
        }

        public void setBillable(Boolean billable) {
            this.billable = billable;
        }

        public String getPricingModel() {
            return pricingModel;
        }

        public void setPricingModel(String pricingModel) {
            this.pricingModel = pricingModel;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }
    }
}
