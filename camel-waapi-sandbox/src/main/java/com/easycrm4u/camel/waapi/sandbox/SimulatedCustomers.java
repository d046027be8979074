package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Customers writing to the business numbers: each message opens the 24-hour window and is delivered as Meta's inbound
 * message envelope to the keys of the number.
 */
final class SimulatedCustomers {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final SendingNumbers numbers;
    private final ServiceWindows windows;
    private final Contacts contacts;
    private final WebhookPayloads payloads;
    private final WebhookFanOut fanOut;
    private final List<CustomerMessage> messages = new CopyOnWriteArrayList<>();

    SimulatedCustomers(ObjectMapper mapper, Clock clock, SendingNumbers numbers, ServiceWindows windows,
                       Contacts contacts, WebhookPayloads payloads, WebhookFanOut fanOut) {
        this.mapper = mapper;
        this.clock = clock;
        this.numbers = numbers;
        this.windows = windows;
        this.contacts = contacts;
        this.payloads = payloads;
        this.fanOut = fanOut;
    }

    CustomerMessage text(String customerE164, String businessE164, String text) {
        ObjectNode message = message(customerE164, "text");
        message.putObject("text").put("body", text);
        return send(businessE164, message);
    }

    CustomerMessage image(String customerE164, String businessE164, String caption, String mimeType) {
        ObjectNode message = message(customerE164, "image");
        ObjectNode image = message.putObject("image");
        if (caption != null) {
            image.put("caption", caption);
        }
        image.put("mime_type", mimeType != null ? mimeType : "image/jpeg");
        image.put("sha256", Ids.sha256());
        image.put("id", Ids.mediaId());
        return send(businessE164, message);
    }

    /** Media the customer sends: {@code image}, {@code video}, {@code audio}, {@code document} or {@code sticker}. */
    CustomerMessage media(
            String customerE164, String businessE164, String type, String caption, String mimeType, String filename) {
        ObjectNode message = message(customerE164, type);
        ObjectNode media = message.putObject(type);
        if (caption != null) {
            media.put("caption", caption);
        }
        if (filename != null) {
            media.put("filename", filename);
        }
        media.put("mime_type", mimeType);
        media.put("sha256", Ids.sha256());
        media.put("id", Ids.mediaId());
        return send(businessE164, message);
    }

    CustomerMessage location(
            String customerE164, String businessE164, double latitude, double longitude, String name,
            String address) {
        ObjectNode message = message(customerE164, "location");
        ObjectNode location = message.putObject("location");
        location.put("latitude", latitude);
        location.put("longitude", longitude);
        if (name != null) {
            location.put("name", name);
        }
        if (address != null) {
            location.put("address", address);
        }
        return send(businessE164, message);
    }

    /**
     * The customer presses a quick-reply button of a template: a {@code button} message with the button's payload and
     * text, in the context of the template message.
     */
    CustomerMessage templateButton(
            String customerE164, String businessE164, String templateMessageId, String payload, String text) {
        ObjectNode message = message(customerE164, "button");
        message.putObject("button").put("payload", payload).put("text", text);
        // Meta puts the context first
        ObjectNode withContext = mapper.createObjectNode();
        withContext.putObject("context").put("from", PhoneNumbers.digits(businessE164)).put("id", templateMessageId);
        withContext.setAll(message);
        return send(businessE164, withContext);
    }

    CustomerMessage buttonReply(String customerE164, String businessE164, String buttonId, String title) {
        ObjectNode message = message(customerE164, "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button_reply");
        interactive.putObject("button_reply").put("id", buttonId).put("title", title);
        return send(businessE164, message);
    }

    CustomerMessage listReply(String customerE164, String businessE164, String rowId, String title, String description) {
        ObjectNode message = message(customerE164, "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "list_reply");
        ObjectNode reply = interactive.putObject("list_reply").put("id", rowId).put("title", title);
        if (description != null) {
            reply.put("description", description);
        }
        return send(businessE164, message);
    }

    List<CustomerMessage> all() {
        return List.copyOf(messages);
    }

    void clear() {
        messages.clear();
    }

    private ObjectNode message(String customerE164, String type) {
        if (!PhoneNumbers.isE164(customerE164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + customerE164);
        }
        ObjectNode message = mapper.createObjectNode();
        message.put("from", PhoneNumbers.digits(customerE164));
        message.put("id", Ids.wamid());
        message.put("timestamp", WebhookPayloads.epochSeconds(clock.instant()));
        message.put("type", type);
        return message;
    }

    private CustomerMessage send(String businessE164, ObjectNode message) {
        String business = PhoneNumbers.digits(businessE164);
        if (!numbers.contains(business)) {
            throw new IllegalArgumentException(
                    "+" + business + " is not a number of this sandbox; numbers are "
                                               + numbers.all());
        }
        String customer = message.get("from").asText();
        Instant at = clock.instant();
        windows.open(business, customer);
        // the type-specific part goes after the common fields, as Meta orders them
        String type = message.get("type").asText();
        JsonNode part = message.remove(type);
        message.remove("type");
        message.set(type, part);
        message.put("type", type);
        CustomerMessage sent = new CustomerMessage(
                message.get("id").asText(), customer, business, type, at,
                message.deepCopy());
        messages.add(sent);
        ObjectNode envelope = payloads.inbound(business, numbers.phoneNumberId(business), contacts.profileName(customer),
                customer, message);
        fanOut.deliver(key -> numbers.isBound(key, business), WebhookPayloads.FIELD_MESSAGES, "inbound:" + type,
                sent.messageId(), envelope);
        return sent;
    }
}
