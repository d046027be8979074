package com.easycrm4u.camel.waapi.webhook.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The customer's answer to an interactive message: {@code button_reply} or {@code list_reply}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class InteractiveContent {

    /** {@code button_reply} or {@code list_reply}. */
    private String type;
    private Reply buttonReply;
    private Reply listReply;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Reply getButtonReply() {
        return buttonReply;
    }

    public void setButtonReply(Reply buttonReply) {
        this.buttonReply = buttonReply;
    }

    public Reply getListReply() {
        return listReply;
    }

    public void setListReply(Reply listReply) {
        this.listReply = listReply;
    }

    /**
     * The chosen button or list row.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public static class Reply {

        private String id;
        private String title;
        /** List rows only. */
        private String description;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }
}
