package com.easycrm4u.camel.waapi.model;

/**
 * The media part of a media message: where the file is and how it is labelled.
 */
public interface MediaPayload {

    String getLink();

    void setLink(String link);

    String getCaption();

    void setCaption(String caption);

    String getFilename();

    void setFilename(String filename);
}
