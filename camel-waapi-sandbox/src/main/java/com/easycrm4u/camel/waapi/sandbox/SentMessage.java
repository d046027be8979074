package com.easycrm4u.camel.waapi.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the sandbox accepted for sending, as introspection shows it: who sent it with which key, the request as
 * received, and the statuses it went through so far ({@code sent}, {@code delivered}, {@code read} or {@code failed}).
 */
public final class SentMessage {

    private final String messageId;
    private final String apiKeyName;
    private final String channel;
    private final String type;
    private final String to;
    private final String from;
    private final String sessionId;
    private final JsonNode request;
    private final Instant timestamp;
    private final List<String> statuses = new ArrayList<>();
    // the statuses whose webhook deliveries are settled, and whether no status will follow
    private final Set<String> settled = new HashSet<>();
    private boolean lastStatus;
    private int errorCode;
    private String errorTitle;

    SentMessage(String messageId, String apiKeyName, String channel, String type, String to, String from,
                String sessionId, JsonNode request, Instant timestamp) {
        this.messageId = messageId;
        this.apiKeyName = apiKeyName;
        this.channel = channel;
        this.type = type;
        this.to = to;
        this.from = from;
        this.sessionId = sessionId;
        this.request = request;
        this.timestamp = timestamp;
        this.statuses.add("sent");
    }

    /** The id returned to the sender: a {@code wamid.} for the Cloud API, a QR message id for QR sessions. */
    public String getMessageId() {
        return messageId;
    }

    public String getApiKeyName() {
        return apiKeyName;
    }

    /** {@code cloud} or {@code qr}. */
    public String getChannel() {
        return channel;
    }

    /** The message type: text, template, image, ... */
    public String getType() {
        return type;
    }

    /** The recipient's digits. */
    public String getTo() {
        return to;
    }

    /** The sending number's digits. */
    public String getFrom() {
        return from;
    }

    /** The QR session it was sent from, or null for the Cloud API. */
    public String getSessionId() {
        return sessionId;
    }

    /** The request body as received (a copy). */
    public JsonNode getRequest() {
        return request.deepCopy();
    }

    public Instant getTimestamp() {
        return timestamp;
    }

    /** Every status so far, in order. */
    public synchronized List<String> getStatuses() {
        return List.copyOf(statuses);
    }

    /** The latest status. */
    public synchronized String getStatus() {
        return statuses.get(statuses.size() - 1);
    }

    /** The Meta error code of the {@code failed} status, or 0 when the message has not failed. */
    public synchronized int getErrorCode() {
        return errorCode;
    }

    /** The Meta error title of the {@code failed} status, or null when the message has not failed. */
    public synchronized String getErrorTitle() {
        return errorTitle;
    }

    synchronized void fail(int code, String title) {
        this.errorCode = code;
        this.errorTitle = title;
    }

    synchronized void addStatus(String status) {
        if (!statuses.get(statuses.size() - 1).equals(status)) {
            statuses.add(status);
        }
    }

    /** The webhooks of this status are delivered, refused or given up; {@code last}: no status will follow. */
    synchronized void settle(String status, boolean last) {
        settled.add(status);
        lastStatus |= last;
    }

    /** Statuses follow after all (set by hand): the last one is yet to come. */
    synchronized void reopen() {
        lastStatus = false;
    }

    /**
     * The statuses, those whose webhooks are settled, and whether no status will follow, read together: read one by
     * one, a status that comes in between would show as the last one before it.
     */
    synchronized StatusView statusView() {
        return new StatusView(List.copyOf(statuses), statuses.stream().filter(settled::contains).toList(), lastStatus);
    }

    /** One consistent view of a message's statuses: what a waiter decides on and the records API shows. */
    record StatusView(List<String> statuses, List<String> settledStatuses, boolean last) {

        /** The status is there with its webhooks settled, or it is there and no status will follow. */
        boolean reached(String status) {
            return settledStatuses.contains(status) || last && statuses.contains(status);
        }
    }

    @Override
    public String toString() {
        return "SentMessage[" + messageId + ", " + channel + "/" + type + " to " + to + " from " + from + ", "
               + getStatuses() + "]";
    }
}
