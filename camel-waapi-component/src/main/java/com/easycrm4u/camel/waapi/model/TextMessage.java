package com.easycrm4u.camel.waapi.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Request of {@code waapi:cloud/text}: a plain text message, only inside the 24-hour customer service window.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TextMessage extends OutgoingMessage {

    private String body;
    private Boolean previewUrl;

    public TextMessage() {
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Boolean getPreviewUrl() {
        return previewUrl;
    }

    public void setPreviewUrl(Boolean previewUrl) {
        this.previewUrl = previewUrl;
    }
}
