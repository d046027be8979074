package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each accepted Cloud API message through its statuses, {@code sent} → {@code delivered} → {@code read} (or
 * {@code failed} with 131026 for a recipient without WhatsApp), one step per interval, and delivers each status to the
 * keys of the sending number. A step starts once the deliveries of the previous one are settled, so the statuses of a
 * message arrive in order. The console (or a test) may take a message over ({@link #takeOver}): its automatic steps
 * stop and the statuses chosen by hand follow, in order, once the webhooks of the step under way are settled.
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
    private final Map<String, Control> controls = new ConcurrentHashMap<>();

    /** Who moves a message's statuses, and the settling of its latest step, which the next one waits for. */
    private static final class Control {
        private final Run run;
        /** The statuses whose webhooks went out (or are going out), in order. */
        private final List<String> emitted = new CopyOnWriteArrayList<>();
        private boolean byHand;
        private CompletableFuture<Void> latest = CompletableFuture.completedFuture(null);

        private Control(Run run) {
            this.run = run;
        }
    }

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
        controls.put(message.getMessageId(), new Control(run));
        schedule(() -> step(run, 0));
    }

    private void step(Run run, int index) {
        String status = run.steps().get(index);
        boolean last = index + 1 == run.steps().size();
        Control control = controls.computeIfAbsent(run.message().getMessageId(), id -> new Control(run));
        CompletableFuture<Void> settled;
        synchronized (control) {
            if (control.byHand) {
                return;
            }
            MetaError failure = "failed".equals(status)
                    ? new MetaError(
                            RecipientsWithoutWhatsApp.META_CODE, MetaError.UNDELIVERABLE, RecipientsWithoutWhatsApp.DETAILS)
                    : null;
            settled = emit(control, status, last, failure);
            control.latest = settled;
        }
        settled.whenComplete((ignored, failure) -> {
            if (!last) {
                schedule(() -> step(run, index + 1));
            }
        });
    }

    /**
     * Stops the message's automatic statuses and moves it by hand: to {@code read} (with {@code sent} and
     * {@code delivered} first when their webhooks did not go out yet), or to {@code failed} with this error when
     * {@code failure} is given. The steps start once the webhooks of the step under way are settled; the future
     * completes when the last one is.
     */
    CompletableFuture<Void> takeOver(SentMessage message, MetaError failure) {
        Control control = controls.get(message.getMessageId());
        if (control == null) {
            throw new IllegalStateException("message " + message.getMessageId() + " gets no status updates");
        }
        synchronized (control) {
            control.byHand = true;
            // more statuses follow a message that had its last: awaitStatus waits for their webhooks
            message.reopen();
            // the steps are chosen when they run: the step under way may add the status asked for
            CompletableFuture<Void> steps = control.latest.handle((ignored, error) -> null)
                    .thenCompose(ignored -> {
                        List<String> missing = new ArrayList<>();
                        if (failure != null) {
                            missing.add("failed");
                        } else if (!control.emitted.contains("failed")) {
                            for (String status : List.of("sent", "delivered", "read")) {
                                if (!control.emitted.contains(status)) {
                                    missing.add(status);
                                }
                            }
                        }
                        if (missing.isEmpty()) {
                            sentMessages.settle(message, message.getStatus(), true);
                        }
                        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                        for (int i = 0; i < missing.size(); i++) {
                            String status = missing.get(i);
                            boolean last = i + 1 == missing.size();
                            chain = chain.thenCompose(done -> emit(control, status, last, failure));
                        }
                        return chain;
                    });
            control.latest = steps;
            return steps;
        }
    }

    void clear() {
        controls.clear();
    }

    /** Adds the status, delivers it, and settles it once its deliveries are; the future completes then. */
    private CompletableFuture<Void> emit(Control control, String status, boolean last, MetaError failure) {
        Run run = control.run;
        SentMessage message = run.message();
        control.emitted.add(status);
        if (failure != null) {
            message.fail(failure.code(), failure.title());
        }
        sentMessages.addStatus(message, status);
        String business = message.getFrom();
        var envelope = payloads.status(business, numbers.phoneNumberId(business), message, status, clock.instant(),
                run.conversationId(), run.category(), run.conversationExpires(), failure);
        return fanOut.deliver(key -> numbers.isBound(key, business), WebhookPayloads.FIELD_MESSAGES, status,
                message.getMessageId(), envelope)
                .handle((ignored, error) -> {
                    sentMessages.settle(message, status, last);
                    return null;
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
