package com.easycrm4u.camel.waapi.webhook.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A message a customer sent to one of your numbers. {@link #getType()} says which type-specific part is set; a type
 * this model does not know (e.g. {@code order}, {@code system}, {@code unsupported}) keeps its part in
 * {@link #getOtherProperties()}, so {@link #getTypeSpecificPart()} returns it either way.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class InboundMessage {

    /** The sender's WhatsApp id. */
    private String from;
    /** The wamid of the message. */
    private String id;
    /** Unix seconds. */
    private String timestamp;
    /** text, image, video, audio, document, sticker, location, contacts, interactive, button, reaction, ... */
    private String type;
    private MessageContext context;
    private TextContent text;
    private MediaContent image;
    private MediaContent video;
    private MediaContent audio;
    private MediaContent document;
    private MediaContent sticker;
    private LocationContent location;
    private List<SharedContact> contacts;
    private InteractiveContent interactive;
    private ButtonContent button;
    private ReactionContent reaction;
    /** Why Meta could not deliver the content (type unsupported). */
    private List<WebhookError> errors;
    private final Map<String, Object> otherProperties = new LinkedHashMap<>();

    /**
     * The part named by {@link #getType()}: a {@link TextContent}, {@link MediaContent}, {@link LocationContent},
     * {@code List<SharedContact>}, {@link InteractiveContent}, {@link ButtonContent} or {@link ReactionContent}; for
     * other types the part as Jackson read it (a Map, usually); null when the message carries none.
     */
    @JsonIgnore
    public Object getTypeSpecificPart() {
        if (type == null) {
            return null;
        }
        switch (type) {
            case "text":
                return text;
            case "image":
                return image;
            case "video":
                return video;
            case "audio":
                return audio;
            case "document":
                return document;
            case "sticker":
                return sticker;
            case "location":
                return location;
            case "contacts":
                return contacts;
            case "interactive":
                return interactive;
            case "button":
                return button;
            case "reaction":
                return reaction;
            default:
                return otherProperties.get(type);
        }
    }

    /** Properties this model has no field for, such as the part of an unknown message type. */
    @JsonAnyGetter
    public Map<String, Object> getOtherProperties() {
        return otherProperties;
    }

    @JsonAnySetter
    public void setOtherProperty(String name, Object value) {
        otherProperties.put(name, value);
    }

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

    public String getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public MessageContext getContext() {
        return context;
    }

    public void setContext(MessageContext context) {
        this.context = context;
    }

    public TextContent getText() {
        return text;
    }

    public void setText(TextContent text) {
        this.text = text;
    }

    public MediaContent getImage() {
        return image;
    }

    public void setImage(MediaContent image) {
        this.image = image;
    }

    public MediaContent getVideo() {
        return video;
    }

    public void setVideo(MediaContent video) {
        this.video = video;
    }

    public MediaContent getAudio() {
        return audio;
    }

    public void setAudio(MediaContent audio) {
        this.audio = audio;
    }

    public MediaContent getDocument() {
        return document;
    }

    public void setDocument(MediaContent document) {
        this.document = document;
    }

    public MediaContent getSticker() {
        return sticker;
    }

    public void setSticker(MediaContent sticker) {
        this.sticker = sticker;
    }

    public LocationContent getLocation() {
        return location;
    }

    public void setLocation(LocationContent location) {
        this.location = location;
    }

    public List<SharedContact> getContacts() {
        return contacts;
    }

    public void setContacts(List<SharedContact> contacts) {
        this.contacts = contacts;
    }

    public InteractiveContent getInteractive() {
        return interactive;
    }

    public void setInteractive(InteractiveContent interactive) {
        this.interactive = interactive;
    }

    public ButtonContent getButton() {
        return button;
    }

    public void setButton(ButtonContent button) {
        this.button = button;
    }

    public ReactionContent getReaction() {
        return reaction;
    }

    public void setReaction(ReactionContent reaction) {
        this.reaction = reaction;
    }

    public List<WebhookError> getErrors() {
        return errors;
    }

    public void setErrors(List<WebhookError> errors) {
        this.errors = errors;
    }

    @Override
    public String toString() {
        return "InboundMessage[id=" + id + ", type=" + type + ", from=" + from + "]";
    }
}
