package com.easycrm4u.camel.waapi.webhook.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The message an inbound message replies to, or forwarding information.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class MessageContext {

    /** The sender of the quoted message. */
    private String from;
    /** The wamid of the quoted message. */
    private String id;
    private Boolean forwarded;
    private Boolean frequentlyForwarded;

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Boolean getForwarded() {
        return forwarded;
    }

    public void setForwarded(Boolean forwarded) {
        this.forwarded = forwarded;
    }

    public Boolean getFrequentlyForwarded() {
        return frequentlyForwarded;
    }

    public void setFrequentlyForwarded(Boolean frequentlyForwarded) {
        this.frequentlyForwarded = frequentlyForwarded;
    }
}
