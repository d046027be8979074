package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each accepted Cloud API message through its statuses, {@code sent} → {@code delivered} → {@code read} (or
 * {@code failed} with 131026 for a recipient without WhatsApp), one step per interval, and delivers each status to the
 * keys of the sending number. A step starts once the deliveries of the previous one are settled, so the statuses of a
 * message arrive in order.
 */
final class StatusProgression {

    private static final Logger LOG = LoggerFactory.getLogger(StatusProgression.class);

    private record Run(SentMessage message, String category, List<String> steps, String conversationId,
            Instant conversationExpires) {
    }

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration interval;
    private final boolean readReceipts;
    private final RecipientsWithoutWhatsApp withoutWhatsApp;
    private final SendingNumbers numbers;
    private final WebhookPayloads payloads;
    private final WebhookFanOut fanOut;
    private final SentMessages sentMessages;

    StatusProgression(ScheduledExecutorService scheduler, Clock clock, Duration interval, boolean readReceipts,
                      RecipientsWithoutWhatsApp withoutWhatsApp, SendingNumbers numbers, WebhookPayloads payloads,
                      WebhookFanOut fanOut, SentMessages sentMessages) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = interval;
        this.readReceipts = readReceipts;
        this.withoutWhatsApp = withoutWhatsApp;
        this.numbers = numbers;
        this.payloads = payloads;
        this.fanOut = fanOut;
        this.sentMessages = sentMessages;
    }

    /** Starts the statuses of an accepted message; {@code category} is the template's, or {@code service}. */
    void start(SentMessage message, String category) {
        List<String> steps = withoutWhatsApp.failsLater(message.getTo())
                ? List.of("failed")
                : readReceipts ? List.of("sent", "delivered", "read") : List.of("sent", "delivered");
        Run run = new Run(message, category, steps, Ids.conversationId(), clock.instant().plus(ServiceWindows.LENGTH));
        schedule(() -> step(run, 0));
    }

    private void step(Run run, int index) {
        String status = run.steps().get(index);
        boolean last = index + 1 == run.steps().size();
        SentMessage message = run.message();
        sentMessages.addStatus(message, status);
        String business = message.getFrom();
        var envelope = payloads.status(business, numbers.phoneNumberId(business), message, status, clock.instant(),
                run.conversationId(), run.category(), run.conversationExpires());
        fanOut.deliver(key -> numbers.isBound(key, business), WebhookPayloads.FIELD_MESSAGES, status,
                message.getMessageId(), envelope)
                .whenComplete((ignored, failure) -> {
                    sentMessages.settle(message, status, last);
                    if (!last) {
                        schedule(() -> step(run, index + 1));
                    }
                });
    }

    private void schedule(Runnable step) {
        try {
            scheduler.schedule(() -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.warn("WAAPI sandbox status progression failed", e);
                }
            }, interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("WAAPI sandbox is closed; no more status updates");
        }
    }
}
