package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Every message the sandbox accepted, in order, and waiting for them to reach a status. */
final class SentMessages {

    private final List<SentMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, String> internalIds = new ConcurrentHashMap<>();
    private final Object statusChanges = new Object();

    void add(SentMessage message) {
        messages.add(message);
    }

    List<SentMessage> all() {
        return List.copyOf(messages);
    }

    List<SentMessage> sentWith(String apiKeyName) {
        return messages.stream().filter(m -> m.getApiKeyName().equals(apiKeyName)).toList();
    }

    SentMessage byId(String messageId) {
        return find(messageId).orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
    }

    /** The database id the template send answers with, the same for every look-up of a message. */
    String internalId(SentMessage message) {
        return internalIds.computeIfAbsent(message.getMessageId(), id -> Ids.objectId());
    }

    /** No waiter is woken: a status counts for {@link #awaitStatus} once its webhooks are settled. */
    void addStatus(SentMessage message, String status) {
        message.addStatus(status);
    }

    void settle(SentMessage message, String status, boolean last) {
        message.settle(status, last);
        signal();
    }

    void clear() {
        messages.clear();
        internalIds.clear();
    }

    /**
     * Waits until every message has the status and its webhooks of that status are settled; fails at once when a
     * message can no longer get it.
     *
     * @param describe what the sandbox knows about a message's webhook deliveries, for the failure message
     */
    List<SentMessage> awaitStatus(
            String status, Collection<String> messageIds, Duration timeout,
            Function<SentMessage, String> describe) {
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one message id");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (statusChanges) {
            while (true) {
                List<SentMessage> waitedFor = new ArrayList<>();
                List<SentMessage> pending = new ArrayList<>();
                for (String id : messageIds) {
                    SentMessage message = find(id).orElseThrow(() -> new AssertionError(
                            "The WAAPI sandbox accepted no message " + id + "; it accepted " + all().stream()
                                    .map(SentMessage::getMessageId).toList()));
                    waitedFor.add(message);
                    SentMessage.StatusView view = message.statusView();
                    if (!view.reached(status)) {
                        if (view.last()) {
                            throw new AssertionError(
                                    "Message " + id + " cannot reach '" + status + "': "
                                                     + whyNot(message, view) + "; " + describe.apply(message));
                        }
                        pending.add(message);
                    }
                }
                long left = deadline - System.nanoTime();
                if (pending.isEmpty()) {
                    return waitedFor;
                }
                if (left <= 0) {
                    StringBuilder text = new StringBuilder(
                            "Within " + timeout.toMillis() + " ms, " + pending.size()
                                                           + " of " + waitedFor.size() + " messages did not reach '"
                                                           + status + "':");
                    pending.forEach(m -> text.append("\n - ").append(m.getMessageId()).append(": statuses ")
                            .append(m.getStatuses()).append("; ").append(describe.apply(m)));
                    throw new AssertionError(text.toString());
                }
                try {
                    statusChanges.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for status '" + status + "'", e);
                }
            }
        }
    }

    private static String whyNot(SentMessage message, SentMessage.StatusView view) {
        if ("qr".equals(message.getChannel())) {
            return "QR sends get no status updates";
        }
        return "its statuses ended with " + view.statuses();
    }

    private java.util.Optional<SentMessage> find(String messageId) {
        return messages.stream().filter(m -> m.getMessageId().equals(messageId)).findFirst();
    }

    private void signal() {
        synchronized (statusChanges) {
            statusChanges.notifyAll();
        }
    }
}
