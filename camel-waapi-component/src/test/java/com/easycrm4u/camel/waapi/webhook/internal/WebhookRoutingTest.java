package com.easycrm4u.camel.waapi.webhook.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.webhook.WebhookEnvelopes;
import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessage;
import com.easycrm4u.camel.waapi.webhook.model.InboundMessageEvent;
import com.easycrm4u.camel.waapi.webhook.model.MediaContent;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatus;
import com.easycrm4u.camel.waapi.webhook.model.MessageStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.MessagesValue;
import com.easycrm4u.camel.waapi.webhook.model.OtherChangeEvent;
import com.easycrm4u.camel.waapi.webhook.model.SharedContact;
import com.easycrm4u.camel.waapi.webhook.model.TemplateStatusEvent;
import com.easycrm4u.camel.waapi.webhook.model.UnknownChangeValue;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEnvelope;
import com.easycrm4u.camel.waapi.webhook.model.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed deliveries over real HTTP arrive in the route with the right typed bodies and headers.
 */
class WebhookRoutingTest extends WebhookTestSupport {

    private static final String PATH = "/waapi/webhook";
    private static final String WABA = "959648497055756";
    private static final String PHONE_NUMBER_ID = "1226212787235581";

    private Exchange deliverOne(String payload) {
        return deliverOne(payload(payload));
    }

    private Exchange deliverOne(byte[] body) {
        HttpResponse<String> response = postSigned(PATH, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(received("events")).hasSize(1);
        return received("events").get(0);
    }

    private static InboundMessage inbound(Exchange exchange, String type) {
        Message in = exchange.getMessage();
        assertThat(in.getHeader(WaapiConstants.EVENT_KIND)).isEqualTo(WebhookEvent.KIND_MESSAGE);
        assertThat(in.getHeader(WaapiConstants.INBOUND_MESSAGE_TYPE)).isEqualTo(type);
        assertThat(in.getHeader(WaapiConstants.WABA_ID)).isEqualTo(WABA);
        assertThat(in.getHeader(WaapiConstants.PHONE_NUMBER_ID)).isEqualTo(PHONE_NUMBER_ID);
        assertThat(in.getHeader(WaapiConstants.FROM)).isEqualTo("917890000198");
        assertThat(in.getHeader(WaapiConstants.EVENT_TYPE)).isEqualTo("messages");
        assertThat(in.getHeader(WaapiConstants.DELIVERY_ID, String.class)).startsWith("dlv-");
        InboundMessageEvent event = in.getBody(InboundMessageEvent.class);
        assertThat(event.getContact().getProfile().getName()).isEqualTo("Sayantan Kar");
        assertThat(event.getMetadata().getDisplayPhoneNumber()).isEqualTo("+91 78900 00199");
        assertThat(in.getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo(event.getMessage().getId());
        assertThat(event.getMessage().getType()).isEqualTo(type);
        return event.getMessage();
    }

    @Test
    void referenceIncomingTextMessage() {
        Exchange exchange = deliverOne("reference-text.json");
        InboundMessage message = inbound(exchange, "text");
        assertThat(message.getId()).isEqualTo("wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy...");
        assertThat(message.getTimestamp()).isEqualTo("1718635789");
        assertThat(message.getText().getBody()).isEqualTo("Hi, is the order shipped?");
        assertThat(message.getTypeSpecificPart()).isSameAs(message.getText());
        assertThat(message.getContext()).isNull();
        assertThat(exchange.getMessage().getHeader(WaapiConstants.RAW_BODY, byte[].class))
                .isEqualTo(payload("reference-text.json"));
        MessagesValue value = (MessagesValue) WebhookEnvelopes
                .parse(payload("reference-text.json"), new ObjectMapper()).getEntry().get(0).getChanges().get(0).getValue();
        assertThat(value.getMessagingProduct()).isEqualTo("whatsapp");
        assertThat(value.getErrors()).isNull();
        // what a route's log("${body}") shows: ids and type, never the text the customer wrote
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(
                "InboundMessageEvent[InboundMessage[id=wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy..., type=text, "
                                                                          + "from=917890000198]]")
                .doesNotContain("shipped");
    }

    @Test
    void forwardedMessagesSayHowOften() {
        String text = new String(payload("reference-text.json"), StandardCharsets.UTF_8);
        InboundMessage forwarded = inbound(deliverOne(text.replace("\"type\": \"text\"",
                "\"type\": \"text\", \"context\": {\"forwarded\": true}").getBytes(StandardCharsets.UTF_8)), "text");
        assertThat(forwarded.getContext().getForwarded()).isTrue();
        assertThat(forwarded.getContext().getFrequentlyForwarded()).isNull();
        assertThat(forwarded.getContext().getId()).isNull();
        mock("events").reset();
        InboundMessage often = inbound(deliverOne(text.replace("wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy...", "wamid.OFTEN")
                .replace("\"type\": \"text\"", "\"type\": \"text\", \"context\": {\"frequently_forwarded\": true}")
                .getBytes(StandardCharsets.UTF_8)), "text");
        assertThat(often.getContext().getFrequentlyForwarded()).isTrue();
        assertThat(often.getContext().getForwarded()).isNull();
    }

    @Test
    void referenceIncomingImageWithCaption() {
        InboundMessage message = inbound(deliverOne("reference-image.json"), "image");
        assertThat(message.getImage().getCaption()).isEqualTo("Is this the right colour?");
        assertThat(message.getImage().getMimeType()).isEqualTo("image/jpeg");
        assertThat(message.getImage().getSha256()).isEqualTo("A2k...");
        assertThat(message.getImage().getId()).isEqualTo("1234567890123456");
        assertThat(message.getTypeSpecificPart()).isSameAs(message.getImage());
    }

    @Test
    void referenceStatusDeliveredWithPricingAndConversation() {
        Exchange exchange = deliverOne("reference-status-delivered.json");
        Message in = exchange.getMessage();
        assertThat(in.getHeader(WaapiConstants.EVENT_KIND)).isEqualTo(WebhookEvent.KIND_STATUS);
        assertThat(in.getHeader(WaapiConstants.STATUS)).isEqualTo("delivered");
        assertThat(in.getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy...");
        assertThat(in.getHeader(WaapiConstants.PHONE_NUMBER_ID)).isEqualTo(PHONE_NUMBER_ID);
        assertThat(in.getHeader(WaapiConstants.WABA_ID)).isEqualTo(WABA);
        assertThat(in.getHeader(WaapiConstants.FROM)).isNull();
        MessageStatus status = in.getBody(MessageStatusEvent.class).getStatus();
        assertThat(status.getRecipientId()).isEqualTo("917890000198");
        assertThat(status.getTimestamp()).isEqualTo("1718635790");
        assertThat(status.getConversation().getId()).isEqualTo("7e8d9f3a1c2b4d5e8f9a0b1c2d3e4f5a");
        assertThat(status.getConversation().getExpirationTimestamp()).isEqualTo("1718722190");
        assertThat(status.getConversation().getOrigin().getType()).isEqualTo("marketing");
        assertThat(status.getPricing().getBillable()).isTrue();
        assertThat(status.getPricing().getPricingModel()).isEqualTo("CBP");
        assertThat(status.getPricing().getCategory()).isEqualTo("marketing");
        assertThat(status.getPricing().getType()).isEqualTo("regular");
        assertThat(status.getErrors()).isNull();
        assertThat(status.getBizOpaqueCallbackData()).isNull();
        assertThat(in.getBody(String.class)).isEqualTo(
                "MessageStatusEvent[id=wamid.HBgMOTE4NTk3NDA2Njk0FQIAEhgUM0EwMzQy..., status=delivered]");
    }

    @Test
    void referenceStatusFailedWithErrors() {
        Exchange exchange = deliverOne("reference-status-failed.json");
        assertThat(exchange.getMessage().getHeader(WaapiConstants.STATUS)).isEqualTo("failed");
        MessageStatus status = exchange.getMessage().getBody(MessageStatusEvent.class).getStatus();
        assertThat(status.getId()).isEqualTo("wamid.HBgMO...");
        assertThat(status.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo(131026);
            assertThat(error.getTitle()).isEqualTo("Message undeliverable");
            assertThat(error.getErrorData().getDetails()).isEqualTo("Recipient phone number does not have WhatsApp installed");
            assertThat(error.getMessage()).isNull();
            assertThat(error.getHref()).isNull();
        });
    }

    @Test
    void mediaMessages() {
        InboundMessage videoMessage = inbound(deliverOne("message-video.json"), "video");
        MediaContent video = videoMessage.getVideo();
        assertThat(video.getId()).isEqualTo("2000000000000001");
        assertThat(video.getCaption()).isEqualTo("Unboxing");
        assertThat(videoMessage.getTypeSpecificPart()).isSameAs(video);
        mock("events").reset();
        InboundMessage voiceMessage = inbound(deliverOne("message-audio.json"), "audio");
        MediaContent audio = voiceMessage.getAudio();
        assertThat(audio.getMimeType()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(audio.getVoice()).isTrue();
        assertThat(voiceMessage.getTypeSpecificPart()).isSameAs(audio);
        mock("events").reset();
        // an audio file the customer attached, not recorded as a voice note
        String audioFile = new String(payload("message-audio.json"), StandardCharsets.UTF_8)
                .replace("wamid.IN-audio", "wamid.IN-audio-file").replace("\"voice\": true", "\"voice\": false");
        assertThat(inbound(deliverOne(audioFile.getBytes(StandardCharsets.UTF_8)), "audio").getAudio().getVoice()).isFalse();
        mock("events").reset();
        InboundMessage documentMessage = inbound(deliverOne("message-document.json"), "document");
        MediaContent document = documentMessage.getDocument();
        assertThat(document.getFilename()).isEqualTo("invoice-42.pdf");
        assertThat(document.getCaption()).isEqualTo("Invoice");
        assertThat(documentMessage.getTypeSpecificPart()).isSameAs(document);
        mock("events").reset();
        InboundMessage sticker = inbound(deliverOne("message-sticker.json"), "sticker");
        assertThat(sticker.getSticker().getAnimated()).isFalse();
        assertThat(sticker.getTypeSpecificPart()).isSameAs(sticker.getSticker());
        mock("events").reset();
        String animated = new String(payload("message-sticker.json"), StandardCharsets.UTF_8)
                .replace("wamid.IN-sticker", "wamid.IN-sticker-animated").replace("\"animated\": false", "\"animated\": true");
        assertThat(inbound(deliverOne(animated.getBytes(StandardCharsets.UTF_8)), "sticker").getSticker().getAnimated())
                .isTrue();
    }

    @Test
    void location() {
        InboundMessage message = inbound(deliverOne("message-location.json"), "location");
        assertThat(message.getLocation().getLatitude()).isEqualTo(22.5726);
        assertThat(message.getLocation().getLongitude()).isEqualTo(88.3639);
        assertThat(message.getLocation().getName()).isEqualTo("Office");
        assertThat(message.getLocation().getAddress()).isEqualTo("Park Street, Kolkata");
        assertThat(message.getLocation().getUrl()).isEqualTo("https://example.com");
        assertThat(message.getTypeSpecificPart()).isSameAs(message.getLocation());
    }

    @Test
    void sharedContacts() {
        InboundMessage message = inbound(deliverOne("message-contacts.json"), "contacts");
        assertThat(message.getTypeSpecificPart()).isSameAs(message.getContacts());
        SharedContact contact = message.getContacts().get(0);
        assertThat(contact.getName().getFormattedName()).isEqualTo("Asha Rao");
        assertThat(contact.getName().getFirstName()).isEqualTo("Asha");
        assertThat(contact.getName().getMiddleName()).isEqualTo("Devi");
        assertThat(contact.getName().getLastName()).isEqualTo("Rao");
        assertThat(contact.getName().getPrefix()).isEqualTo("Dr.");
        assertThat(contact.getName().getSuffix()).isEqualTo("PhD");
        assertThat(contact.getPhones()).singleElement().satisfies(phone -> {
            assertThat(phone.getPhone()).isEqualTo("+91 98300 00001");
            assertThat(phone.getWaId()).isEqualTo("919830000001");
            assertThat(phone.getType()).isEqualTo("CELL");
        });
        assertThat(contact.getEmails()).singleElement().satisfies(email -> {
            assertThat(email.getEmail()).isEqualTo("asha@example.com");
            assertThat(email.getType()).isEqualTo("WORK");
        });
        assertThat(contact.getOrg().getCompany()).isEqualTo("Acme");
        assertThat(contact.getOrg().getDepartment()).isEqualTo("Purchasing");
        assertThat(contact.getOrg().getTitle()).isEqualTo("Buyer");
        assertThat(contact.getAddresses()).singleElement().satisfies(address -> {
            assertThat(address.getStreet()).isEqualTo("1 Main Rd");
            assertThat(address.getCity()).isEqualTo("Kolkata");
            assertThat(address.getState()).isEqualTo("West Bengal");
            assertThat(address.getZip()).isEqualTo("700016");
            assertThat(address.getCountry()).isEqualTo("India");
            assertThat(address.getCountryCode()).isEqualTo("IN");
            assertThat(address.getType()).isEqualTo("WORK");
        });
        assertThat(contact.getUrls()).singleElement().satisfies(url -> {
            assertThat(url.getUrl()).isEqualTo("https://acme.example");
            assertThat(url.getType()).isEqualTo("WORK");
        });
        assertThat(contact.getBirthday()).isEqualTo("1990-04-01");
    }

    @Test
    void interactiveReplies() {
        InboundMessage button = inbound(deliverOne("message-interactive-button-reply.json"), "interactive");
        assertThat(button.getInteractive().getType()).isEqualTo("button_reply");
        assertThat(button.getInteractive().getButtonReply().getId()).isEqualTo("confirm-42");
        assertThat(button.getInteractive().getButtonReply().getTitle()).isEqualTo("Yes, ship it");
        assertThat(button.getContext().getId()).isEqualTo("wamid.OUT-buttons");
        mock("events").reset();
        InboundMessage list = inbound(deliverOne("message-interactive-list-reply.json"), "interactive");
        assertThat(list.getInteractive().getType()).isEqualTo("list_reply");
        assertThat(list.getInteractive().getListReply().getId()).isEqualTo("slot-3");
        assertThat(list.getInteractive().getListReply().getDescription()).isEqualTo("Morning slot");
        assertThat(list.getTypeSpecificPart()).isSameAs(list.getInteractive());
    }

    @Test
    void templateQuickReplyButton() {
        InboundMessage message = inbound(deliverOne("message-button.json"), "button");
        assertThat(message.getButton().getPayload()).isEqualTo("STOP_PROMOTIONS");
        assertThat(message.getButton().getText()).isEqualTo("Stop promotions");
        assertThat(message.getContext().getFrom()).isEqualTo("917890000199");
        assertThat(message.getContext().getForwarded()).isNull();
        assertThat(message.getTypeSpecificPart()).isSameAs(message.getButton());
    }

    @Test
    void reaction() {
        InboundMessage message = inbound(deliverOne("message-reaction.json"), "reaction");
        assertThat(message.getReaction().getMessageId()).isEqualTo("wamid.OUT-reacted");
        assertThat(message.getReaction().getEmoji()).isEqualTo("\uD83D\uDC4D");
        assertThat(message.getTypeSpecificPart()).isSameAs(message.getReaction());
    }

    @Test
    void unsupportedAndUnknownTypesAreKept() {
        InboundMessage unsupported = inbound(deliverOne("message-unsupported.json"), "unsupported");
        assertThat(unsupported.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo(131051);
            assertThat(error.getMessage()).isEqualTo("Message type unknown");
        });
        assertThat(unsupported.getTypeSpecificPart()).isNull();
        mock("events").reset();
        InboundMessage order = inbound(deliverOne("message-unknown-type.json"), "order");
        assertThat(order.getTypeSpecificPart()).isInstanceOfSatisfying(Map.class,
                part -> assertThat(part).containsEntry("catalog_id", "cat-1").containsKey("product_items"));
    }

    @Test
    void statusSentAndRead() {
        Exchange sent = deliverOne("status-sent.json");
        assertThat(sent.getMessage().getHeader(WaapiConstants.STATUS)).isEqualTo("sent");
        MessageStatus status = sent.getMessage().getBody(MessageStatusEvent.class).getStatus();
        assertThat(status.getConversation().getOrigin().getType()).isEqualTo("utility");
        assertThat(status.getPricing().getCategory()).isEqualTo("utility");
        assertThat(status.getBizOpaqueCallbackData()).isEqualTo("order-42");
        mock("events").reset();
        Exchange read = deliverOne("status-read.json");
        assertThat(read.getMessage().getHeader(WaapiConstants.STATUS)).isEqualTo("read");
        assertThat(read.getMessage().getHeader(WaapiConstants.MESSAGE_ID)).isEqualTo("wamid.OUT-read");
        // a read status of a free (service) conversation
        assertThat(read.getMessage().getBody(MessageStatusEvent.class).getStatus().getPricing().getBillable()).isFalse();
    }

    @Test
    void templateStatusUpdate() {
        Exchange exchange = deliverOne("template-status.json");
        Message in = exchange.getMessage();
        assertThat(in.getHeader(WaapiConstants.EVENT_KIND)).isEqualTo(WebhookEvent.KIND_TEMPLATE_STATUS);
        assertThat(in.getHeader(WaapiConstants.STATUS)).isEqualTo("APPROVED");
        assertThat(in.getHeader(WaapiConstants.WABA_ID)).isEqualTo(WABA);
        TemplateStatusEvent event = in.getBody(TemplateStatusEvent.class);
        assertThat(event.getUpdate().getMessageTemplateId()).isEqualTo("594425479261596");
        assertThat(event.getUpdate().getMessageTemplateName()).isEqualTo("order_shipped");
        assertThat(event.getUpdate().getMessageTemplateLanguage()).isEqualTo("en_US");
        assertThat(event.getUpdate().getReason()).isEqualTo("NONE");
        assertThat(in.getBody(String.class)).isEqualTo("TemplateStatusEvent[template=order_shipped, event=APPROVED]");
    }

    @Test
    void multiEntryEnvelopeIsSplitInOrderAcrossEntriesAndChanges() {
        HttpResponse<String> response = postSigned(PATH, payload("multi-entry.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        List<Exchange> exchanges = received("events");
        assertThat(exchanges).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND))
                .containsExactly("message", "message", "status", "status", "message", "template_status", "other");
        assertThat(exchanges).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.MESSAGE_ID))
                .containsExactly("wamid.MULTI-1", "wamid.MULTI-2", "wamid.MULTI-3", "wamid.MULTI-4", "wamid.MULTI-5", null,
                        null);
        InboundMessageEvent second = exchanges.get(1).getMessage().getBody(InboundMessageEvent.class);
        assertThat(second.getContact().getProfile().getName()).isEqualTo("Asha Rao");
        assertThat(second.getMessage().getText().getBody()).isEqualTo("second");
        Message fifth = exchanges.get(4).getMessage();
        assertThat(fifth.getHeader(WaapiConstants.WABA_ID)).isEqualTo("111111111111111");
        assertThat(fifth.getHeader(WaapiConstants.PHONE_NUMBER_ID)).isEqualTo("2000000000000000");
        assertThat(fifth.getHeader(WaapiConstants.FROM)).isEqualTo("917000000001");
        assertThat(exchanges.get(5).getMessage().getHeader(WaapiConstants.STATUS)).isEqualTo("REJECTED");
        OtherChangeEvent other = exchanges.get(6).getMessage().getBody(OtherChangeEvent.class);
        assertThat(other.getChange().getField()).isEqualTo("account_update");
        assertThat(other.getChange().getValue()).isInstanceOfSatisfying(UnknownChangeValue.class,
                value -> assertThat(value.getProperties()).containsEntry("event", "VERIFIED_ACCOUNT"));
        assertThat(other).hasToString("OtherChangeEvent[field=account_update]");
        assertThat(other.getChange().getValue()).hasToString("UnknownChangeValue[phone_number, event]");
        assertThat(exchanges).extracting(exchange -> exchange.getMessage().getHeader(WaapiConstants.DELIVERY_ID)).containsOnly(
                exchanges.get(0).getMessage().getHeader(WaapiConstants.DELIVERY_ID));
    }

    @Test
    void splitFalseRoutesTheTypedEnvelopeOnce() {
        byte[] body = payload("multi-entry.json");
        HttpResponse<String> response = postSigned("/waapi/envelope", body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received("envelopes")).hasSize(1);
        Message in = received("envelopes").get(0).getMessage();
        WebhookEnvelope envelope = in.getBody(WebhookEnvelope.class);
        assertThat(envelope.getObject()).isEqualTo("whatsapp_business_account");
        assertThat(envelope.getEntry()).hasSize(2);
        assertThat(envelope.getEntry().get(0).getChanges().get(0).getValue()).isInstanceOfSatisfying(MessagesValue.class,
                value -> assertThat(value.getMessages()).hasSize(2));
        assertThat(in.getHeader(WaapiConstants.WABA_ID)).isEqualTo(WABA);
        assertThat(in.getHeader(WaapiConstants.PHONE_NUMBER_ID)).isEqualTo(PHONE_NUMBER_ID);
        assertThat(in.getHeader(WaapiConstants.EVENT_TYPE)).isEqualTo("messages");
        assertThat(in.getHeader(WaapiConstants.RAW_BODY, byte[].class)).isEqualTo(body);
        assertThat(in.getHeader(WaapiConstants.EVENT_KIND)).isNull();
    }

    @Test
    void splitFalseWithoutAMessagesChangeHasNoPhoneNumberIdHeader() {
        assertThat(postSigned("/waapi/envelope", payload("template-status.json")).statusCode()).isEqualTo(200);
        Message in = received("envelopes").get(0).getMessage();
        assertThat(in.getBody()).isInstanceOf(WebhookEnvelope.class);
        assertThat(in.getHeader(WaapiConstants.WABA_ID)).isEqualTo(WABA);
        assertThat(in.getHeaders()).doesNotContainKey(WaapiConstants.PHONE_NUMBER_ID);
    }

    /** Meta reports a problem of the whole change (not of one message) in the value's errors. */
    @Test
    void aMessagesChangeWithErrorsOnlyIsRoutedAsAnOtherChange() {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA + "\",\"changes\":[{"
                      + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                      + "\"display_phone_number\":\"+91 78900 00199\",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},"
                      + "\"errors\":[{\"code\":131000,\"title\":\"Something went wrong\",\"message\":\"Something went wrong\","
                      + "\"error_data\":{\"details\":\"Unknown error\"},"
                      + "\"href\":\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/\"}]}}]}]}";
        Exchange exchange = deliverOne(json.getBytes(StandardCharsets.UTF_8));
        assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND)).isEqualTo(WebhookEvent.KIND_OTHER);
        OtherChangeEvent other = exchange.getMessage().getBody(OtherChangeEvent.class);
        assertThat(other.getWabaId()).isEqualTo(WABA);
        MessagesValue value = (MessagesValue) other.getChange().getValue();
        assertThat(value.getMessagingProduct()).isEqualTo("whatsapp");
        assertThat(value.getMetadata().getPhoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(value.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo(131000);
            assertThat(error.getTitle()).isEqualTo("Something went wrong");
            assertThat(error.getMessage()).isEqualTo("Something went wrong");
            assertThat(error.getErrorData().getDetails()).isEqualTo("Unknown error");
            assertThat(error.getHref())
                    .isEqualTo("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        });
    }

    @Test
    void aChangeWithoutAValueIsRoutedAsAnOtherChange() {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA + "\",\"changes\":[{"
                      + "\"field\":\"messages\"}]}]}";
        Exchange exchange = deliverOne(json.getBytes(StandardCharsets.UTF_8));
        assertThat(exchange.getMessage().getHeader(WaapiConstants.EVENT_KIND)).isEqualTo(WebhookEvent.KIND_OTHER);
        OtherChangeEvent other = exchange.getMessage().getBody(OtherChangeEvent.class);
        assertThat(other.getChange().getField()).isEqualTo("messages");
        assertThat(other.getChange().getValue()).isNull();
    }

    @Test
    void theRouteSeesNoRequestHeaders() {
        byte[] body = payload("reference-text.json");
        HttpResponse<String> response = post(PATH, body, WebhookSignature.HEADER, WebhookSignature.sign(body, TOKEN),
                "X-WAAPI-Event", "messages", "X-WAAPI-Delivery", newDeliveryId(), "Authorization", "Bearer not-for-the-route",
                "Cookie", "session=secret", "X-Forwarded-For", "10.0.0.1");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> headers = received("events").get(0).getMessage().getHeaders();
        assertThat(headers.keySet()).allSatisfy(name -> assertThat(name).startsWith("CamelWaapi"));
        assertThat(headers).doesNotContainKeys("Authorization", "Cookie", "X-Hub-Signature-256", "Content-Type",
                Exchange.HTTP_METHOD, Exchange.HTTP_PATH, "X-Forwarded-For");
        // nor are they echoed back
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("Cookie")
                || name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase(WebhookSignature.HEADER));
    }

    @Test
    void aYamlRouteReceivesTheSameTypedEvents() {
        assertThat(postSigned("/waapi/yaml", payload("reference-text.json")).statusCode()).isEqualTo(200);
        assertThat(received("yaml")).singleElement().satisfies(exchange -> {
            assertThat(exchange.getMessage().getHeader("text")).isEqualTo("Hi, is the order shipped?");
            assertThat(exchange.getMessage().getHeader(WaapiConstants.FROM)).isEqualTo("917890000198");
        });
    }

    @Test
    void unknownFieldsAreIgnored() {
        String body = new String(payload("reference-text.json"), StandardCharsets.UTF_8)
                .replace("\"type\": \"text\"", "\"type\": \"text\", \"brand_new\": {\"nested\": [1, 2]}")
                .replace("\"object\": \"whatsapp_business_account\",", "\"object\": \"whatsapp_business_account\", \"v\": 99,");
        HttpResponse<String> response = postSigned(PATH, body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessage message = received("events").get(0).getMessage().getBody(InboundMessageEvent.class).getMessage();
        assertThat(message.getText().getBody()).isEqualTo("Hi, is the order shipped?");
        assertThat(message.getOtherProperties()).containsKey("brand_new");
    }

    @Test
    void thePathIsListedWithPlatformHttpsEndpoints() {
        // Camel Main logs these at start, and its dev console lists them
        assertThat(context.getComponent("platform-http", PlatformHttpComponent.class).getHttpEndpoints())
                .extracting(HttpEndpointModel::getUri).anyMatch(uri -> uri.endsWith("waapi/webhook"));
    }

    @Test
    void aRemovedRoutesPathIsNoLongerListedNorServed() throws Exception {
        String path = "/waapi/removed";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("waapi:webhook?path=" + path + "&webhookVerifyToken=RAW(" + TOKEN + ")").routeId("removed")
                        .to("mock:removed");
            }
        });
        PlatformHttpComponent platformHttp = context.getComponent("platform-http", PlatformHttpComponent.class);
        assertThat(platformHttp.getHttpEndpoints()).filteredOn(endpoint -> endpoint.getUri().equals(path))
                .singleElement().satisfies(endpoint -> assertThat(endpoint.getVerbs()).isEqualTo("POST"));
        assertThat(postSigned(path, payload("reference-text.json")).statusCode()).isEqualTo(200);
        assertThat(received("removed")).hasSize(1);

        context.getRouteController().stopRoute("removed");
        assertThat(context.removeRoute("removed")).isTrue();
        assertThat(platformHttp.getHttpEndpoints()).noneMatch(endpoint -> endpoint.getUri().equals(path));
        assertThat(postSigned(path, payload("reference-text.json")).statusCode()).isEqualTo(404);
    }
}
