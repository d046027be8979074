package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Accepts a send: records it and, for the Cloud API, starts its status updates. */
final class Outbox {

    private final Clock clock;
    private final SentMessages sentMessages;
    private final StatusProgression statuses;

    Outbox(Clock clock, SentMessages sentMessages, StatusProgression statuses) {
        this.clock = clock;
        this.sentMessages = sentMessages;
        this.statuses = statuses;
    }

    /** @param template the template sent, or null: its category prices the conversation ({@code service} without) */
    SentMessage acceptCloud(
            SandboxApiKey key, String type, String to, String from, ObjectNode request,
            SandboxTemplate template) {
        SentMessage message = new SentMessage(
                Ids.wamid(), key.getName(), "cloud", type, to, from, null,
                request.deepCopy(), clock.instant());
        sentMessages.add(message);
        statuses.start(message, template != null ? template.getCategory() : "service");
        return message;
    }

    /** A QR send; it gets no status updates. */
    SentMessage acceptQr(SandboxApiKey key, String type, String to, QrSession session, ObjectNode request) {
        SentMessage message = new SentMessage(
                Ids.qrMessageId(), key.getName(), "qr", type, to, session.getPhoneNumber(),
                session.getSessionId(), request.deepCopy(), clock.instant());
        message.settle("sent", true);
        sentMessages.add(message);
        return message;
    }

    String internalId(SentMessage message) {
        return sentMessages.internalId(message);
    }
}
