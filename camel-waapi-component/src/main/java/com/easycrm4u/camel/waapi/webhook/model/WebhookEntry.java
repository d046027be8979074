package com.easycrm4u.camel.waapi.webhook.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One WhatsApp Business Account's part of a delivery.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class WebhookEntry {

    /** The WhatsApp Business Account (WABA) id. */
    private String id;
    /** When the change happened, in epoch seconds, where Meta sends it (e.g. template status changes). */
    private Long time;
    /** What changed; each carries a {@code field} and its {@code value}. */
    private List<WebhookChange> changes;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getTime() {
        return time;
    }

    public void setTime(Long time) {
        this.time = time;
    }

    public List<WebhookChange> getChanges() {
        return changes;
    }

    public void setChanges(List<WebhookChange> changes) {
        this.changes = changes;
    }
}
