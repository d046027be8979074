package com.easycrm4u.camel.waapi.examples.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.easycrm4u.camel.waapi.webhook.model.MessageStatus;
import com.easycrm4u.camel.waapi.webhook.model.WebhookError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery report: per order the message id, the latest status and when it was reached, written to a JSON file
 * after every change. Statuses only move forward (sent, delivered, read; failed ends it), whatever order the webhooks
 * arrive in, and a status that arrives before the send's answer is kept until the order is known.
 */
public class DeliveryReport {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReport.class);
    private static final List<String> PROGRESS = List.of("sent", "delivered", "read");

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Entry> byOrder = new LinkedHashMap<>();
    private final Map<String, String> orderByMessageId = new LinkedHashMap<>();
    private final Map<String, List<EarlyStatus>> earlyStatuses = new LinkedHashMap<>();
    private final Map<String, Consumer<Map<String, Object>>> firstStatusListeners = new LinkedHashMap<>();
    private int repliesSent;
    private int expectedReplies;
    private int expected = -1;
    private Runnable onComplete = () -> {
    };
    private boolean completed;

    public DeliveryReport(Path file) {
        this.file = file;
    }

    /** Runs once every expected order reached a final state (read, failed or rejected). */
    public synchronized void onComplete(Runnable onComplete) {
        this.onComplete = onComplete;
    }

    /** How many orders the shipped batch has. */
    public synchronized void expect(int orders) {
        expected = orders;
        LOG.info("Batch of {} orders read", orders);
        checkComplete();
    }

    public synchronized void sent(Map<String, Object> order, String messageId, String status) {
        String orderId = String.valueOf(order.get("orderId"));
        Entry entry = byOrder.computeIfAbsent(orderId, id -> new Entry(order));
        entry.messageId = messageId;
        orderByMessageId.put(messageId, orderId);
        advance(entry, status == null ? "sent" : status, Instant.now().toString());
        LOG.info("Order {}: template sent to {} as {}", orderId, order.get("phone"), messageId);
        List<EarlyStatus> early = earlyStatuses.remove(messageId);
        if (early != null) {
            for (EarlyStatus s : early) {
                if (s.error() != null) {
                    entry.error = s.error();
                }
                advance(entry, s.status(), s.at());
            }
        }
        write();
        checkComplete();
    }

    public synchronized void rejected(Map<String, Object> order, Exception error) {
        String orderId = String.valueOf(order.get("orderId"));
        Entry entry = byOrder.computeIfAbsent(orderId, id -> new Entry(order));
        entry.status = "rejected";
        entry.error = error.getMessage();
        entry.at = Instant.now().toString();
        LOG.warn("Order {}: not sent, moved to the dead-letter folder: {}", orderId, error.getMessage());
        write();
        checkComplete();
    }

    /** A status webhook of one of the sent messages. */
    public void status(MessageStatus update) {
        String error = null;
        if (update.getErrors() != null && !update.getErrors().isEmpty()) {
            WebhookError first = update.getErrors().get(0);
            error = "(#" + first.getCode() + ") " + (first.getErrorData() != null && first.getErrorData().getDetails() != null
                    ? first.getErrorData().getDetails() : first.getTitle());
        }
        status(update.getId(), update.getStatus(), update.getTimestamp(), error);
    }

    /**
     * {@code status} of message {@code messageId} at {@code timestamp} (epoch seconds), with the error of a failure.
     */
    public void status(String messageId, String status, String timestamp, String error) {
        String at = timestamp == null ? Instant.now().toString() : Instant.ofEpochSecond(Long.parseLong(timestamp)).toString();
        Consumer<Map<String, Object>> listener = null;
        Map<String, Object> order = null;
        synchronized (this) {
            String orderId = orderByMessageId.get(messageId);
            if (orderId == null) {
                earlyStatuses.computeIfAbsent(messageId, id -> new ArrayList<>()).add(new EarlyStatus(status, at, error));
                return;
            }
            Entry entry = byOrder.get(orderId);
            if (error != null) {
                entry.error = error;
            }
            if (advance(entry, status, at)) {
                LOG.info("Order {}: {}{}", orderId, status, error != null ? " " + error : "");
                write();
                listener = firstStatusListeners.remove(status);
                order = entry.order;
            }
            checkComplete();
        }
        // outside the lock: the listener may cause webhooks that come back to this report
        if (listener != null) {
            listener.accept(order);
        }
    }

    /** What a customer who writes STATUS is told: the state of each of their orders. */
    public synchronized String statusOfCustomer(String phone) {
        StringBuilder reply = new StringBuilder();
        for (Entry entry : byOrder.values()) {
            if (digits(entry.order.get("phone")).equals(digits(phone))) {
                reply.append(reply.length() == 0 ? "" : "\n").append("Order ").append(entry.order.get("orderId"))
                        .append(" (").append(entry.order.get("awb")).append("): ").append(entry.status);
            }
        }
        return reply.length() == 0 ? "We have no shipped orders for this number." : reply.toString();
    }

    /** Runs once, the first time an order reaches the status (e.g. to let a customer write back in a demo). */
    public synchronized void onFirstStatus(String status, Consumer<Map<String, Object>> listener) {
        firstStatusListeners.put(status, listener);
    }

    /** How many STATUS replies must be sent before the report is complete. */
    public synchronized void expectReplies(int replies) {
        expectedReplies = replies;
    }

    public synchronized void replySent(String to, String messageId) {
        repliesSent++;
        LOG.info("Status reply sent to {} as {}", to, messageId);
        checkComplete();
    }

    public synchronized int repliesSent() {
        return repliesSent;
    }

    /** Counts per final or current status, e.g. {@code {sent=0, delivered=1, read=3, failed=1, rejected=1}}. */
    public synchronized Map<String, Integer> summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("sent", "delivered", "read", "failed", "rejected")) {
            counts.put(s, 0);
        }
        byOrder.values().forEach(e -> counts.merge(e.status, 1, Integer::sum));
        return counts;
    }

    public synchronized boolean isComplete() {
        return expected >= 0 && byOrder.size() >= expected && repliesSent >= expectedReplies
                && byOrder.values().stream().allMatch(e -> List.of("read", "failed", "rejected").contains(e.status));
    }

    private boolean advance(Entry entry, String status, String at) {
        boolean forward = "failed".equals(status) && !"failed".equals(entry.status)
                || PROGRESS.indexOf(status) > PROGRESS.indexOf(entry.status) && !"failed".equals(entry.status);
        if (forward) {
            entry.status = status;
            entry.at = at;
        }
        return forward;
    }

    private void checkComplete() {
        if (!completed && isComplete()) {
            completed = true;
            LOG.info("All {} orders of the batch reported: {}", expected, summary());
            onComplete.run();
        }
    }

    private void write() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : byOrder.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("orderId", e.order.get("orderId"));
            row.put("phone", e.order.get("phone"));
            row.put("messageId", e.messageId);
            row.put("status", e.status);
            row.put("at", e.at);
            if (e.error != null) {
                row.put("error", e.error);
            }
            rows.add(row);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), Map.of("orders", rows, "summary", summary()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery report " + file, e);
        }
    }

    private static String digits(Object phone) {
        return phone == null ? "" : phone.toString().replaceAll("\\D", "");
    }

    private static final class Entry {
        final Map<String, Object> order;
        String messageId;
        String status = "pending";
        String at;
        String error;

        Entry(Map<String, Object> order) {
            this.order = order;
        }
    }

    /** A status webhook that came before the answer to its send, kept whole (a failure keeps its error). */
    private record EarlyStatus(String status, String at, String error) {
    }
}
