package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.easycrm4u.camel.waapi.model.QrSession;
import com.easycrm4u.camel.waapi.sandbox.console.SandboxConsole;

/** Builds a {@link WaapiSandbox}; each method says its default. */
public final class WaapiSandboxBuilder {

    int port;
    Clock clock = Clock.systemUTC();
    String vendorId = "6a2a74c0e1f2a3b4c5d6e7f8";
    String wabaId = "959648497055756";
    final Map<String, String> phoneNumbers = new LinkedHashMap<>();
    private boolean phoneNumbersGiven;
    final List<SandboxApiKey> keys = new ArrayList<>();
    final List<SandboxTemplate> templates = new ArrayList<>();
    final List<QrSession> qrSessions = new ArrayList<>();
    final Map<String, WithoutWhatsApp> withoutWhatsApp = new LinkedHashMap<>();
    int missingTemplateStatus = 400;
    Duration statusInterval = Duration.ofMillis(50);
    boolean readReceipts = true;
    int webhookMaxAttempts = 5;
    Duration webhookInitialBackoff = Duration.ofSeconds(1);
    Duration webhookMaxBackoff = Duration.ofSeconds(30);
    Duration webhookTimeout = Duration.ofSeconds(5);
    long faultSeed = 42;
    boolean console;
    Duration consoleHeartbeat = SandboxConsole.HEARTBEAT;

    WaapiSandboxBuilder() {
        phoneNumbers.put(WaapiSandbox.DEFAULT_PHONE_NUMBER, WaapiSandbox.DEFAULT_PHONE_NUMBER_ID);
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public WaapiSandboxBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        this.port = port;
        return this;
    }

    /** The clock for timestamps, the 24-hour window and quotas; a test can move it forward. */
    public WaapiSandboxBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The vendor id that {@code GET /ping} echoes. */
    public WaapiSandboxBuilder vendorId(String vendorId) {
        this.vendorId = Objects.requireNonNull(vendorId, "vendorId");
        return this;
    }

    /** The WhatsApp Business Account id in webhook envelopes. */
    public WaapiSandboxBuilder wabaId(String wabaId) {
        this.wabaId = Objects.requireNonNull(wabaId, "wabaId");
        return this;
    }

    /**
     * A sending number and its Meta phone number id (the webhook metadata; generated when null). The first number given
     * replaces the default {@value WaapiSandbox#DEFAULT_PHONE_NUMBER}.
     */
    public WaapiSandboxBuilder phoneNumber(String e164, String phoneNumberId) {
        if (!phoneNumbersGiven) {
            phoneNumbers.clear();
            phoneNumbersGiven = true;
        }
        phoneNumbers.put(e164, phoneNumberId);
        return this;
    }

    /**
     * An API key; without any, the sandbox has the default key {@value WaapiSandbox#DEFAULT_API_KEY} named
     * {@value WaapiSandbox#DEFAULT_API_KEY_NAME}.
     */
    public WaapiSandboxBuilder apiKey(SandboxApiKey key) {
        keys.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    /** An approved template; without any, {@code order_shipped/en} and {@code hello_world/en_US} are approved. */
    public WaapiSandboxBuilder template(SandboxTemplate template) {
        templates.add(Objects.requireNonNull(template, "template"));
        return this;
    }

    /** A QR session; without any, {@value WaapiSandbox#DEFAULT_QR_SESSION_ID} is connected on the first number. */
    public WaapiSandboxBuilder qrSession(String sessionId, String sessionName, String e164, boolean connected) {
        qrSessions.add(QrSessions.session(sessionId, sessionName, e164, QrSessions.status(connected)));
        return this;
    }

    /**
     * A recipient without WhatsApp whose Cloud API sends are accepted, then fail with 131026 in a {@code failed} status
     * webhook ({@link WithoutWhatsApp#FAILED_STATUS}).
     */
    public WaapiSandboxBuilder recipientWithoutWhatsApp(String e164) {
        return recipientWithoutWhatsApp(e164, WithoutWhatsApp.FAILED_STATUS);
    }

    /**
     * A recipient without WhatsApp, and how sends to it fail: later in a status webhook, or at once with the
     * reference's {@code HTTP 400 (#131026)} ({@link WithoutWhatsApp#SEND_ERROR}).
     */
    public WaapiSandboxBuilder recipientWithoutWhatsApp(String e164, WithoutWhatsApp how) {
        withoutWhatsApp.put(e164, Objects.requireNonNull(how, "how"));
        return this;
    }

    /**
     * The status of the answer to a send of a template that is not approved: 400 (the default, as the reference's
     * example) or 404 (as the reference's status table has it). Either way the error is
     * {@code (#132001) Template name does not exist in the translation}.
     */
    public WaapiSandboxBuilder missingTemplateStatus(int status) {
        if (status != 400 && status != 404) {
            throw new IllegalArgumentException("the reference gives a missing template 400 or 404, not " + status);
        }
        this.missingTemplateStatus = status;
        return this;
    }

    /** The pause before each status update of a sent message (default 50 ms). */
    public WaapiSandboxBuilder statusInterval(Duration statusInterval) {
        this.statusInterval = Objects.requireNonNull(statusInterval, "statusInterval");
        return this;
    }

    /**
     * Whether recipients read messages: a {@code read} status after {@code delivered}. True by default; false stops at
     * {@code delivered}.
     */
    public WaapiSandboxBuilder readReceipts(boolean readReceipts) {
        this.readReceipts = readReceipts;
        return this;
    }

    /**
     * Webhook retries: at most {@code maxAttempts} attempts, waiting {@code initialBackoff} after the first, doubling
     * up to {@code maxBackoff} (defaults 5, 1 s, 30 s).
     */
    public WaapiSandboxBuilder webhookRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.webhookMaxAttempts = maxAttempts;
        this.webhookInitialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
        this.webhookMaxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        return this;
    }

    /** How long a webhook receiver may take to answer (default 5 s, as WAAPI). */
    public WaapiSandboxBuilder webhookTimeout(Duration webhookTimeout) {
        this.webhookTimeout = Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        return this;
    }

    /** The seed of the random choices of fault injection (shares of 500s and drops), for repeatable runs. */
    public WaapiSandboxBuilder faultSeed(long faultSeed) {
        this.faultSeed = faultSeed;
        return this;
    }

    /**
     * Serves the sandbox console, a web page that shows what the routes sent and lets you answer as the customer, at
     * {@link WaapiSandbox#getConsoleUrl()} on the sandbox's own loopback port (default false).
     */
    public WaapiSandboxBuilder console(boolean console) {
        this.console = console;
        return this;
    }

    public WaapiSandbox build() {
        return new WaapiSandbox(this);
    }
}
