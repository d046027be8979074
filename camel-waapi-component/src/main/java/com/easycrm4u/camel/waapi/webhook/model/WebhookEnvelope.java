package com.easycrm4u.camel.waapi.webhook.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A webhook delivery as WAAPI forwards it from Meta, untransformed: {@code {object, entry:[{id, changes:[...]}]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class WebhookEnvelope {

    /** Always {@code whatsapp_business_account}. */
    private String object;
    /** One entry per WhatsApp Business Account. */
    private List<WebhookEntry> entry;

    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public List<WebhookEntry> getEntry() {
        return entry;
    }

    public void setEntry(List<WebhookEntry> entry) {
        this.entry = entry;
    }
}
