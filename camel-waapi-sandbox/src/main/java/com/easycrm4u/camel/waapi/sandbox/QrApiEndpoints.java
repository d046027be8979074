package com.easycrm4u.camel.waapi.sandbox;

import java.util.List;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp QR endpoints under {@code /whatsapp-qr}: sends from a connected session, chosen by {@code sessionId} or
 * {@code fromPhoneNo} (no 24-hour window applies), and the list of connected sessions.
 */
final class QrApiEndpoints {

    static final List<String> MEDIA_TYPES = List.of("image", "video", "audio", "document");
    static final String JID_SUFFIX = "@s.whatsapp.net";

    private record Sender(String to, QrSession session) {
    }

    private final ObjectMapper mapper;
    private final SendingNumbers numbers;
    private final QrSessions sessions;
    private final MediaLimits media;
    private final Outbox outbox;

    QrApiEndpoints(ObjectMapper mapper, SendingNumbers numbers, QrSessions sessions, MediaLimits media, Outbox outbox) {
        this.mapper = mapper;
        this.numbers = numbers;
        this.sessions = sessions;
        this.media = media;
        this.outbox = outbox;
    }

    ObjectNode text(SandboxApiKey key, ObjectNode body) {
        Sender sender = sender(key, body);
        RequestRules.text(body, "");
        SentMessage message = outbox.acceptQr(key, "text", sender.to(), sender.session(), body);
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", message.getMessageId());
        data.put("from", message.getFrom());
        data.put("sessionId", message.getSessionId());
        data.put("to", message.getTo() + JID_SUFFIX);
        data.put("type", "text");
        return Answers.success(mapper, data);
    }

    ObjectNode media(SandboxApiKey key, ObjectNode body, String type) {
        Sender sender = sender(key, body);
        media.validateQr(body, type);
        return answer(outbox.acceptQr(key, type, sender.to(), sender.session(), body));
    }

    ObjectNode location(SandboxApiKey key, ObjectNode body) {
        Sender sender = sender(key, body);
        RequestRules.coordinate(body, "latitude", 90);
        RequestRules.coordinate(body, "longitude", 180);
        RequestRules.optionalText(body, "name", "");
        RequestRules.optionalText(body, "address", "");
        return answer(outbox.acceptQr(key, "location", sender.to(), sender.session(), body));
    }

    /** The connected sessions on the key's numbers, as the reference says: "the vendor's connected QR sessions". */
    ObjectNode sessions(SandboxApiKey key, ObjectNode body) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("success", true);
        ArrayNode data = answer.putArray("data");
        for (QrSession session : sessions.connected()) {
            if (key.isBoundToAllNumbers() || key.getNumbers().contains(session.getPhoneNumber())) {
                data.add(mapper.valueToTree(session));
            }
        }
        answer.put("count", data.size());
        return answer;
    }

    private Sender sender(SandboxApiKey key, ObjectNode body) {
        // a QR recipient may also be given as a WhatsApp JID; the request is recorded as received
        String given = RequestRules.requiredText(body, "to", "");
        String to = RequestRules.e164Digits("to", given.endsWith(JID_SUFFIX)
                ? given.substring(0, given.length() - JID_SUFFIX.length()) : given);
        String sessionId = RequestRules.optionalText(body, "sessionId", "");
        String from = null;
        if (sessionId == null || body.hasNonNull("fromPhoneNo")) {
            if (sessionId == null && !body.hasNonNull("fromPhoneNo")) {
                throw ApiError.badRequest("'fromPhoneNo' is required (or pass 'sessionId')");
            }
            from = RequestRules.phoneNumber(body, "fromPhoneNo");
            numbers.requireBound(key, from);
        }
        QrSession session = sessions.findConnected(sessionId, from);
        if (session == null) {
            throw ApiError.badRequest("No connected WhatsApp QR session found. Connect a device first.");
        }
        numbers.requireBound(key, session.getPhoneNumber());
        return new Sender(to, session);
    }

    private ObjectNode answer(SentMessage message) {
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", message.getMessageId());
        data.put("sessionId", message.getSessionId());
        data.put("type", message.getType());
        return Answers.success(mapper, data);
    }
}
