package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.model.QrSession;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process emulator of the WAAPI External API on a loopback port, for testing routes and running demos without a
 * WAAPI account or a phone.
 *
 * <pre>{@code
 * try (WaapiSandbox sandbox = WaapiSandbox.builder().build().start()) {
 *     sandbox.configure(camelContext);            // points the waapi component at the sandbox
 *     ...
 *     assertThat(sandbox.getSentMessages()).hasSize(1);
 * }
 * }</pre>
 *
 * It keeps API keys (secret, bound numbers, scope, permissions, services, per-minute quota, webhook), approved
 * templates, contacts, QR sessions and each customer's 24-hour service window, answers every documented endpoint the
 * way the reference does, delivers signed Meta-shaped status webhooks after each Cloud API send (sent, delivered, read,
 * or failed with 131026 for recipients without WhatsApp), lets tests inject customer messages, injects faults on
 * demand, and shows what happened. All state is thread-safe.
 */
public final class WaapiSandbox implements AutoCloseable {

    /** The API key of a sandbox built without keys. */
    public static final String DEFAULT_API_KEY = "waapi_sandbox_key";
    /** Its secret. */
    public static final String DEFAULT_API_SECRET = "secr_sandbox_secret";
    /** Its webhook verify token. */
    public static final String DEFAULT_WEBHOOK_VERIFY_TOKEN = "sandbox_webhook_token";
    /** The sending number of a sandbox built without numbers (the reference's example number). */
    public static final String DEFAULT_PHONE_NUMBER = "+917890000199";
    /** Its Meta phone number id. */
    public static final String DEFAULT_PHONE_NUMBER_ID = "1226212787235581";
    /** The QR session of a sandbox built without sessions: connected, on the default number. */
    public static final String DEFAULT_QR_SESSION_ID = "sess_abc";

    private static final Logger LOG = LoggerFactory.getLogger(WaapiSandbox.class);
    private static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    private static final Duration QUOTA_WINDOW = Duration.ofMinutes(1);

    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final int requestedPort;
    private final Clock clock;
    private final String vendorId;
    private final Duration statusInterval;
    private final boolean readReceipts;
    private final List<SandboxApiKey> keys = new CopyOnWriteArrayList<>();
    private final Map<String, String> phoneNumberIds = new ConcurrentHashMap<>();
    private final List<String> phoneNumbers = new CopyOnWriteArrayList<>();
    private final Map<String, SandboxTemplate> templates = new ConcurrentHashMap<>();
    private final Map<String, SandboxTemplate> reviewedTemplates = new ConcurrentHashMap<>();
    private final Map<String, Long> templateIds = new ConcurrentHashMap<>();
    private final AtomicLong templateIdSequence = new AtomicLong(1_000_000_000_000_000L);
    private final Map<String, QrSession> qrSessions = new LinkedHashMap<>();
    private final Set<String> withoutWhatsApp = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> contacts = new LinkedHashMap<>();
    private final Map<String, Instant> lastCustomerMessage = new ConcurrentHashMap<>();
    private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> quotaUse = new ConcurrentHashMap<>();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final Map<String, String> internalIds = new ConcurrentHashMap<>();
    private final List<InboundMessage> inboundMessages = new CopyOnWriteArrayList<>();
    private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
    private final SandboxFaults faults;
    private final WebhookEnvelopes envelopes;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService scheduler;
    private final WebhookDispatcher dispatcher;
    private HttpServer server;
    private boolean closed;

    private WaapiSandbox(Builder builder) {
        this.requestedPort = builder.port;
        this.clock = builder.clock;
        this.vendorId = builder.vendorId;
        this.statusInterval = builder.statusInterval;
        this.readReceipts = builder.readReceipts;
        this.faults = new SandboxFaults(builder.faultSeed);
        this.envelopes = new WebhookEnvelopes(mapper, builder.wabaId);
        builder.phoneNumbers.forEach(this::addPhoneNumber);
        List<SandboxApiKey> configuredKeys = builder.keys.isEmpty() ? List.of(defaultKey()) : builder.keys;
        configuredKeys.forEach(this::addApiKey);
        List<SandboxTemplate> configuredTemplates = builder.templates.isEmpty()
                ? List.of(SandboxTemplate.of("order_shipped", "en"), SandboxTemplate.of("hello_world", "en_US"))
                : builder.templates;
        configuredTemplates.forEach(this::addTemplate);
        if (builder.qrSessions.isEmpty()) {
            addQrSession(DEFAULT_QR_SESSION_ID, "Primary", phoneNumbers.get(0), true);
        } else {
            builder.qrSessions.forEach(s -> addQrSession(s.getSessionId(), s.getSessionName(), s.getPhoneNumber(),
                    "connected".equals(s.getStatus())));
        }
        builder.withoutWhatsApp.forEach(this::addRecipientWithoutWhatsApp);
        this.httpExecutor = Executors.newCachedThreadPool(daemonThreads("waapi-sandbox-http"));
        this.scheduler = Executors.newScheduledThreadPool(1, daemonThreads("waapi-sandbox-webhooks"));
        HttpClient webhookClient = HttpClient.newBuilder()
                .connectTimeout(builder.webhookTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.dispatcher = new WebhookDispatcher(webhookClient, scheduler, clock, builder.webhookMaxAttempts,
                builder.webhookInitialBackoff, builder.webhookMaxBackoff, builder.webhookTimeout);
    }

    /** A builder with the defaults described on each of its methods. */
    public static Builder builder() {
        return new Builder();
    }

    private static SandboxApiKey defaultKey() {
        return SandboxApiKey.builder(DEFAULT_API_KEY)
                .secret(DEFAULT_API_SECRET)
                .name("Sandbox")
                .webhookVerifyToken(DEFAULT_WEBHOOK_VERIFY_TOKEN)
                .build();
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------------

    /** Starts serving on 127.0.0.1 (the port given to the builder; 0 picks a free one). Returns this sandbox. */
    public synchronized WaapiSandbox start() {
        if (closed) {
            throw new IllegalStateException("this WAAPI sandbox is closed; build a new one");
        }
        if (server != null) {
            return this;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
            created.createContext("/", new SandboxApi(this, mapper));
            created.setExecutor(httpExecutor);
            created.start();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException("The WAAPI sandbox cannot listen on port " + requestedPort, e);
        }
        LOG.info("WAAPI sandbox listening on {}", getBaseUrl());
        return this;
    }

    public synchronized boolean isStarted() {
        return server != null;
    }

    /** Stops serving and delivering webhooks, for good. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            server = null;
        }
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
    }

    /** The port it listens on. */
    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("the WAAPI sandbox is not started");
        }
        return server.getAddress().getPort();
    }

    /** The base URL to give the component, e.g. {@code http://127.0.0.1:41234/api/v1/external}. */
    public String getBaseUrl() {
        return "http://127.0.0.1:" + getPort() + SandboxApi.BASE_PATH;
    }

    public String getVendorId() {
        return vendorId;
    }

    // ---- pointing Camel at it --------------------------------------------------------------------------------------

    /** Points the {@code waapi} component of the context at this sandbox with the first API key. */
    public void configure(CamelContext context) {
        configure(context, getPrimaryApiKey());
    }

    /**
     * Points the {@code waapi} component of the context at this sandbox: {@code baseUrl}, {@code apiKey},
     * {@code apiSecret}, {@code fromPhoneNo} (the key's first number) and {@code webhookVerifyToken}. Call it before
     * the routes that use {@code waapi:} endpoints are added (endpoints copy the component's options when created).
     */
    public void configure(CamelContext context, SandboxApiKey key) {
        WaapiComponent component = context.getComponent("waapi", WaapiComponent.class);
        if (component == null) {
            throw new IllegalStateException("The Camel context has no waapi component; add camel-waapi to the classpath");
        }
        WaapiConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(getBaseUrl());
        configuration.setApiKey(key.getKey());
        configuration.setApiSecret(key.getSecret());
        configuration.setFromPhoneNo(PhoneNumbers.display(firstNumber(key)));
        configuration.setWebhookVerifyToken(key.getWebhookVerifyToken());
    }

    /**
     * The same settings as Camel properties ({@code camel.component.waapi.base-url}, {@code .api-key},
     * {@code .api-secret}, {@code .from-phone-no}, {@code .webhook-verify-token}), for Camel Main's
     * {@code addOverrideProperty} or a properties file.
     */
    public Map<String, String> camelProperties(SandboxApiKey key) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.waapi.base-url", getBaseUrl());
        properties.put("camel.component.waapi.api-key", key.getKey());
        if (key.getSecret() != null) {
            properties.put("camel.component.waapi.api-secret", key.getSecret());
        }
        properties.put("camel.component.waapi.from-phone-no", PhoneNumbers.display(firstNumber(key)));
        if (key.getWebhookVerifyToken() != null) {
            properties.put("camel.component.waapi.webhook-verify-token", key.getWebhookVerifyToken());
        }
        return properties;
    }

    /** {@link #camelProperties(SandboxApiKey)} of the first API key. */
    public Map<String, String> camelProperties() {
        return camelProperties(getPrimaryApiKey());
    }

    /**
     * Points the context at this sandbox with the first API key, in a way that also wins over
     * {@code camel.component.waapi.*} properties applied later (as Camel Main does): {@link #configure(CamelContext)}
     * plus the same values as override properties of the context's properties component.
     */
    public void configureOverridingProperties(CamelContext context) {
        configure(context);
        camelProperties().forEach(context.getPropertiesComponent()::addOverrideProperty);
    }

    /**
     * A {@link CamelConfiguration} that runs {@link #configureOverridingProperties(CamelContext)}: for Camel Main
     * ({@code main.configure().addConfiguration(sandbox.camelConfiguration())}) and {@code @CamelMainTest}'s
     * {@code @Configure} methods. The sandbox is started when it runs.
     */
    public CamelConfiguration camelConfiguration() {
        return new CamelConfiguration() {
            @Override
            public void configure(CamelContext camelContext) {
                start();
                configureOverridingProperties(camelContext);
            }
        };
    }

    // ---- keys, numbers, templates, sessions, recipients ------------------------------------------------------------

    /** Adds (or replaces, by key) an API key. Its bound numbers become numbers of the sandbox. */
    public synchronized WaapiSandbox addApiKey(SandboxApiKey key) {
        Objects.requireNonNull(key, "key");
        if (keys.stream().anyMatch(k -> k.getName().equals(key.getName()) && !k.getKey().equals(key.getKey()))) {
            throw new IllegalArgumentException("another API key is already named '" + key.getName() + "'");
        }
        key.getNumbers().forEach(n -> addPhoneNumber(n, null));
        keys.removeIf(k -> k.getKey().equals(key.getKey()));
        keys.add(key);
        if (key.getWebhookUrl() != null) {
            webhookUrls.put(key.getName(), key.getWebhookUrl());
        } else {
            webhookUrls.remove(key.getName());
        }
        return this;
    }

    /**
     * Sets (or with null removes) the callback URL of the key with this name; the following deliveries go there. The
     * key needs a webhook verify token to sign them.
     */
    public WaapiSandbox setWebhookUrl(String apiKeyName, String url) {
        SandboxApiKey key = getApiKey(apiKeyName);
        if (url == null) {
            webhookUrls.remove(key.getName());
            return this;
        }
        if (key.getWebhookVerifyToken() == null) {
            throw new IllegalStateException("API key '" + apiKeyName + "' has no webhook verify token to sign deliveries with");
        }
        java.net.URI.create(url);
        webhookUrls.put(key.getName(), url);
        return this;
    }

    /** The current callback URL of the key with this name, or null. */
    public String getWebhookUrl(String apiKeyName) {
        return webhookUrls.get(getApiKey(apiKeyName).getName());
    }

    public List<SandboxApiKey> getApiKeys() {
        return List.copyOf(keys);
    }

    /** The first key added (or the default key). */
    public SandboxApiKey getPrimaryApiKey() {
        return keys.get(0);
    }

    /** The key with this name, e.g. to change its webhook URL. */
    public SandboxApiKey getApiKey(String name) {
        return keys.stream().filter(k -> k.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no API key named '" + name + "'"));
    }

    /** Adds a sending number with its Meta phone number id (generated when null). */
    public WaapiSandbox addPhoneNumber(String e164, String phoneNumberId) {
        if (!PhoneNumbers.isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
        String digits = PhoneNumbers.digits(e164);
        synchronized (phoneNumbers) {
            if (!phoneNumbers.contains(digits)) {
                phoneNumbers.add(digits);
            }
            if (phoneNumberId != null || !phoneNumberIds.containsKey(digits)) {
                // a stable made-up id, 16 digits like Meta's
                phoneNumberIds.put(digits, phoneNumberId != null
                        ? phoneNumberId : "1" + String.format("%015d", Long.parseLong(digits) % 1_000_000_000_000_000L));
            }
        }
        return this;
    }

    /** The E.164 digits of the sandbox's sending numbers. */
    public List<String> getPhoneNumbers() {
        return List.copyOf(phoneNumbers);
    }

    /** Approves a template (name and language). */
    public WaapiSandbox addTemplate(SandboxTemplate template) {
        templates.put(template.key(), template);
        return this;
    }

    /** Withdraws the approval of a template. */
    public WaapiSandbox removeTemplate(String name, String language) {
        templates.remove(SandboxTemplate.key(name, language));
        return this;
    }

    /**
     * Meta reviewed a template: {@code APPROVED} approves it (as a {@code utility} template unless it was known),
     * any other event ({@code REJECTED}, {@code PAUSED}, {@code DISABLED}, ...) withdraws the approval. Every key with
     * a webhook subscribed to {@code message_template_status_update} gets the event.
     */
    public WaapiSandbox changeTemplateStatus(String name, String language, String event, String reason) {
        Objects.requireNonNull(event, "event");
        String key = SandboxTemplate.key(name, language);
        SandboxTemplate known = templates.containsKey(key) ? templates.get(key) : reviewedTemplates.get(key);
        SandboxTemplate template = known != null ? known : SandboxTemplate.of(name, language);
        reviewedTemplates.put(key, template);
        if ("APPROVED".equals(event)) {
            templates.put(key, template);
        } else {
            templates.remove(key);
        }
        long templateId = templateIds.computeIfAbsent(key, k -> templateIdSequence.incrementAndGet());
        ObjectNode envelope = envelopes.templateStatus(templateId, template, event, reason == null ? "NONE" : reason, now());
        String body = json(envelope);
        for (SandboxApiKey apiKey : keys) {
            String url = webhookUrls.get(apiKey.getName());
            if (url != null && apiKey.receives(WebhookEnvelopes.FIELD_TEMPLATE_STATUS)) {
                dispatcher.deliver(apiKey, url, WebhookEnvelopes.FIELD_TEMPLATE_STATUS, "template:" + event,
                        Long.toString(templateId), body);
            }
        }
        return this;
    }

    public List<SandboxTemplate> getTemplates() {
        return List.copyOf(templates.values());
    }

    /** Adds or replaces a QR session on a number. */
    public WaapiSandbox addQrSession(String sessionId, String sessionName, String e164, boolean connected) {
        Objects.requireNonNull(sessionId, "sessionId");
        if (!PhoneNumbers.isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
        QrSession session = qrSession(sessionId, sessionName, PhoneNumbers.digits(e164),
                connected ? "connected" : "disconnected");
        synchronized (qrSessions) {
            qrSessions.put(sessionId, session);
        }
        return this;
    }

    /** Connects or disconnects a QR session: sends from a disconnected session fail. */
    public WaapiSandbox setQrSessionConnected(String sessionId, boolean connected) {
        synchronized (qrSessions) {
            QrSession session = qrSessions.get(sessionId);
            if (session == null) {
                throw new IllegalArgumentException("no QR session '" + sessionId + "'");
            }
            session.setStatus(connected ? "connected" : "disconnected");
        }
        return this;
    }

    /** The QR sessions (copies). */
    public List<QrSession> getQrSessions() {
        synchronized (qrSessions) {
            return qrSessions.values().stream().map(WaapiSandbox::copy).toList();
        }
    }

    /** Messages to this number are accepted, then fail with 131026 (no WhatsApp installed) via webhook. */
    public WaapiSandbox addRecipientWithoutWhatsApp(String e164) {
        withoutWhatsApp.add(PhoneNumbers.digits(e164));
        return this;
    }

    public SandboxFaults faults() {
        return faults;
    }

    // ---- customers -------------------------------------------------------------------------------------------------

    /** Opens the 24-hour service window of a customer with a business number, as if the customer had just written. */
    public WaapiSandbox openServiceWindow(String customerE164, String businessE164) {
        lastCustomerMessage.put(windowKey(PhoneNumbers.digits(businessE164), PhoneNumbers.digits(customerE164)), now());
        return this;
    }

    /** A customer sends a text to a business number: opens the window and is delivered as a signed webhook. */
    public InboundMessage injectText(String customerE164, String businessE164, String text) {
        ObjectNode message = inboundMessage(customerE164, "text");
        message.putObject("text").put("body", text);
        return inject(customerE164, businessE164, message);
    }

    /** A customer sends a picture (with an optional caption). */
    public InboundMessage injectImage(String customerE164, String businessE164, String caption, String mimeType) {
        ObjectNode message = inboundMessage(customerE164, "image");
        ObjectNode image = message.putObject("image");
        if (caption != null) {
            image.put("caption", caption);
        }
        image.put("mime_type", mimeType != null ? mimeType : "image/jpeg");
        image.put("sha256", Ids.sha256());
        image.put("id", Ids.mediaId());
        return inject(customerE164, businessE164, message);
    }

    /** A customer taps a reply button of an interactive message. */
    public InboundMessage injectButtonReply(String customerE164, String businessE164, String buttonId, String title) {
        ObjectNode message = inboundMessage(customerE164, "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button_reply");
        interactive.putObject("button_reply").put("id", buttonId).put("title", title);
        return inject(customerE164, businessE164, message);
    }

    /** A customer picks a row of an interactive list message. */
    public InboundMessage injectListReply(String customerE164, String businessE164, String rowId, String title,
                                          String description) {
        ObjectNode message = inboundMessage(customerE164, "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "list_reply");
        ObjectNode reply = interactive.putObject("list_reply").put("id", rowId).put("title", title);
        if (description != null) {
            reply.put("description", description);
        }
        return inject(customerE164, businessE164, message);
    }

    private ObjectNode inboundMessage(String customerE164, String type) {
        if (!PhoneNumbers.isE164(customerE164)) {
            throw new IllegalArgumentException("not an E.164 phone number: " + customerE164);
        }
        ObjectNode message = mapper.createObjectNode();
        message.put("from", PhoneNumbers.digits(customerE164));
        message.put("id", Ids.wamid());
        message.put("timestamp", WebhookEnvelopes.epochSeconds(now()));
        message.put("type", type);
        return message;
    }

    private InboundMessage inject(String customerE164, String businessE164, ObjectNode message) {
        String business = PhoneNumbers.digits(businessE164);
        if (!phoneNumbers.contains(business)) {
            throw new IllegalArgumentException("+" + business + " is not a number of this sandbox; numbers are "
                                               + phoneNumbers);
        }
        String customer = message.get("from").asText();
        Instant at = now();
        lastCustomerMessage.put(windowKey(business, customer), at);
        // the type-specific part goes after the common fields, as Meta orders them
        String type = message.get("type").asText();
        JsonNode part = message.remove(type);
        message.remove("type");
        message.set(type, part);
        message.put("type", type);
        InboundMessage inbound = new InboundMessage(message.get("id").asText(), customer, business, type, at,
                message.deepCopy());
        inboundMessages.add(inbound);
        ObjectNode envelope = envelopes.inbound(business, phoneNumberIds.get(business), profileName(customer), customer,
                message);
        deliverToKeys(business, "inbound:" + type, inbound.messageId(), envelope);
        return inbound;
    }

    private String profileName(String customer) {
        ObjectNode contact = contact(customer);
        if (contact != null) {
            for (String field : new String[] { "profile_name", "first_name" }) {
                if (contact.hasNonNull(field)) {
                    return contact.get(field).asText();
                }
            }
        }
        return "Customer " + customer.substring(Math.max(0, customer.length() - 4));
    }

    // ---- introspection ---------------------------------------------------------------------------------------------

    /** Every message accepted, in order. */
    public List<SentMessage> getSentMessages() {
        return List.copyOf(sentMessages);
    }

    /** The messages sent with the key of this name. */
    public List<SentMessage> getSentMessages(String apiKeyName) {
        return sentMessages.stream().filter(m -> m.getApiKeyName().equals(apiKeyName)).toList();
    }

    /** The message with this id. */
    public SentMessage getSentMessage(String messageId) {
        return sentMessages.stream().filter(m -> m.getMessageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
    }

    /** The contacts, as the API returns them. */
    public List<Contact> getContacts() {
        synchronized (contacts) {
            return contacts.values().stream().map(c -> mapper.convertValue(c, Contact.class)).toList();
        }
    }

    /** The contact with this phone number (normalized as the API does), or null. */
    public Contact getContact(String phoneNumber) {
        ObjectNode contact = contact(PhoneNumbers.normalize(phoneNumber, null));
        return contact == null ? null : mapper.convertValue(contact, Contact.class);
    }

    /** Adds or updates a contact, as {@code POST /contacts} would. */
    public Contact putContact(String e164, String firstName, String lastName) {
        ObjectNode fields = mapper.createObjectNode();
        if (firstName != null) {
            fields.put("first_name", firstName);
        }
        if (lastName != null) {
            fields.put("last_name", lastName);
        }
        return mapper.convertValue(upsertContact(e164, null, fields), Contact.class);
    }

    /** Every webhook delivery with its attempts and answers, in the order they were created. */
    public List<WebhookDelivery> getDeliveries() {
        return dispatcher.deliveries();
    }

    /** The deliveries made for the key of this name. */
    public List<WebhookDelivery> getDeliveries(String apiKeyName) {
        return dispatcher.deliveries().stream().filter(d -> d.getApiKeyName().equals(apiKeyName)).toList();
    }

    /** The customer messages injected so far. */
    public List<InboundMessage> getInboundMessages() {
        return List.copyOf(inboundMessages);
    }

    /** Every API request received and the status answered. */
    public List<ApiRequest> getRequests() {
        return List.copyOf(requests);
    }

    /**
     * Forgets what happened: messages, contacts, deliveries, requests, inbound messages, service windows and quota
     * use; clears the faults. Keys, numbers, templates, sessions and recipients stay.
     */
    public void reset() {
        sentMessages.clear();
        internalIds.clear();
        synchronized (contacts) {
            contacts.clear();
        }
        dispatcher.clear();
        requests.clear();
        inboundMessages.clear();
        lastCustomerMessage.clear();
        quotaUse.clear();
        faults.clear();
    }

    // ---- used by the API -------------------------------------------------------------------------------------------

    Instant now() {
        return clock.instant();
    }

    void recordRequest(ApiRequest request) {
        requests.add(request);
    }

    SandboxApiKey findKey(String presented) {
        for (SandboxApiKey key : keys) {
            if (java.security.MessageDigest.isEqual(key.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    presented.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                return key;
            }
        }
        return null;
    }

    /** Counts the request against the key's per-minute quota; 429 with Retry-After when it is used up. */
    void checkQuota(SandboxApiKey key) {
        if (key.getQuotaPerMinute() <= 0) {
            return;
        }
        Deque<Instant> used = quotaUse.computeIfAbsent(key.getKey(), k -> new ArrayDeque<>());
        Instant now = now();
        synchronized (used) {
            while (!used.isEmpty() && !used.peekFirst().plus(QUOTA_WINDOW).isAfter(now)) {
                used.pollFirst();
            }
            if (used.size() >= key.getQuotaPerMinute()) {
                Duration wait = Duration.between(now, used.peekFirst().plus(QUOTA_WINDOW));
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw ApiError.rateLimited("Rate limit exceeded: this API key allows " + key.getQuotaPerMinute()
                                           + " requests per minute", seconds);
            }
            used.addLast(now);
        }
    }

    void requireBound(SandboxApiKey key, String fromDigits) {
        boolean bound = key.isBoundToAllNumbers() ? phoneNumbers.contains(fromDigits) : key.getNumbers().contains(fromDigits);
        if (!bound) {
            throw ApiError.error(403, "fromPhoneNo +" + fromDigits
                                      + " is not one of the WhatsApp numbers this API key is bound to");
        }
    }

    void requireServiceWindow(String fromDigits, String toDigits) {
        Instant last = lastCustomerMessage.get(windowKey(fromDigits, toDigits));
        if (last == null || !last.plus(SERVICE_WINDOW).isAfter(now())) {
            throw ApiError.badRequest("(#131047) Re-engagement message: outside 24h window — send a template instead");
        }
    }

    SandboxTemplate findTemplate(String name, String language) {
        return templates.get(SandboxTemplate.key(name, language));
    }

    QrSession connectedQrSession(String sessionId, String fromDigits) {
        synchronized (qrSessions) {
            for (QrSession session : qrSessions.values()) {
                boolean matches = sessionId != null
                        ? session.getSessionId().equals(sessionId)
                                && (fromDigits == null || session.getPhoneNumber().equals(fromDigits))
                        : session.getPhoneNumber().equals(fromDigits);
                if (matches && "connected".equals(session.getStatus())) {
                    return copy(session);
                }
            }
        }
        return null;
    }

    ObjectNode contact(String digits) {
        synchronized (contacts) {
            ObjectNode contact = contacts.get(digits);
            return contact == null ? null : contact.deepCopy();
        }
    }

    /** PATCH semantics: only an existing contact is updated; null when there is none. */
    ObjectNode updateContact(String phoneNumber, String countryCode, ObjectNode fields) {
        String digits = PhoneNumbers.normalize(phoneNumber, countryCode);
        synchronized (contacts) {
            ObjectNode contact = contacts.get(digits);
            if (contact == null) {
                return null;
            }
            contact.setAll(fields);
            return contact.deepCopy();
        }
    }

    /** POST semantics: creates the contact or updates the given fields of the existing one. */
    ObjectNode upsertContact(String phoneNumber, String countryCode, ObjectNode fields) {
        String digits = PhoneNumbers.normalize(phoneNumber, countryCode);
        synchronized (contacts) {
            ObjectNode contact = contacts.computeIfAbsent(digits, d -> {
                ObjectNode created = mapper.createObjectNode();
                created.put("_id", Ids.objectId());
                created.put("phoneNumber", d);
                return created;
            });
            contact.setAll(fields);
            return contact.deepCopy();
        }
    }

    String internalId(SentMessage message) {
        return internalIds.computeIfAbsent(message.getMessageId(), id -> Ids.objectId());
    }

    SentMessage acceptCloudMessage(SandboxApiKey key, String type, String to, String from, ObjectNode request,
                                   SandboxTemplate template) {
        SentMessage message = new SentMessage(Ids.wamid(), key.getName(), "cloud", type, to, from, null,
                request.deepCopy(), now());
        sentMessages.add(message);
        String category = template != null ? template.getCategory() : "service";
        List<String> progression = withoutWhatsApp.contains(to)
                ? List.of("failed")
                : readReceipts ? List.of("sent", "delivered", "read") : List.of("sent", "delivered");
        StatusRun run = new StatusRun(message, from, category, progression, Ids.conversationId(), now().plus(SERVICE_WINDOW));
        schedule(() -> runStatuses(run, 0), statusInterval);
        return message;
    }

    SentMessage acceptQrMessage(SandboxApiKey key, String type, String to, QrSession session, ObjectNode request) {
        SentMessage message = new SentMessage(Ids.qrMessageId(), key.getName(), "qr", type, to, session.getPhoneNumber(),
                session.getSessionId(), request.deepCopy(), now());
        sentMessages.add(message);
        return message;
    }

    // ---- status progression and webhooks ---------------------------------------------------------------------------

    private record StatusRun(SentMessage message, String business, String category, List<String> progression,
                             String conversationId, Instant conversationExpires) {
    }

    /** Delivers the status of this step, and schedules the next step once its deliveries are settled. */
    private void runStatuses(StatusRun run, int step) {
        String status = run.progression().get(step);
        run.message().addStatus(status);
        ObjectNode envelope = envelopes.status(run.business(), phoneNumberIds.get(run.business()), run.message(), status,
                now(), run.conversationId(), run.category(), run.conversationExpires());
        CompletableFuture<?> settled = deliverToKeys(run.business(), status, run.message().getMessageId(), envelope);
        if (step + 1 < run.progression().size()) {
            settled.whenComplete((ignored, failure) -> schedule(() -> runStatuses(run, step + 1), statusInterval));
        }
    }

    private CompletableFuture<?> deliverToKeys(String business, String kind, String messageId, ObjectNode envelope) {
        String body = json(envelope);
        List<CompletableFuture<WebhookDelivery>> pending = new ArrayList<>();
        for (SandboxApiKey key : keys) {
            String url = webhookUrls.get(key.getName());
            boolean bound = key.isBoundToAllNumbers() || key.getNumbers().contains(business);
            if (url != null && bound && key.receives(WebhookEnvelopes.FIELD_MESSAGES)) {
                pending.add(dispatcher.deliver(key, url, WebhookEnvelopes.FIELD_MESSAGES, kind, messageId, body));
            }
        }
        return CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]));
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("WAAPI sandbox status progression failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("WAAPI sandbox is closed; no more status updates");
        }
    }

    private String json(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private static String windowKey(String business, String customer) {
        return business + ">" + customer;
    }

    private String firstNumber(SandboxApiKey key) {
        return key.isBoundToAllNumbers() ? phoneNumbers.get(0) : key.getNumbers().iterator().next();
    }

    private static QrSession copy(QrSession session) {
        return qrSession(session.getSessionId(), session.getSessionName(), session.getPhoneNumber(), session.getStatus());
    }

    private static QrSession qrSession(String sessionId, String sessionName, String phoneNumber, String status) {
        QrSession session = new QrSession();
        session.setSessionId(sessionId);
        session.setSessionName(sessionName);
        session.setPhoneNumber(phoneNumber);
        session.setStatus(status);
        return session;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "WaapiSandbox[" + (isStarted() ? getBaseUrl() : "not started") + ", " + keys.size() + " keys, "
               + sentMessages.size() + " messages sent]";
    }

    /** Builds a {@link WaapiSandbox}. */
    public static final class Builder {

        private int port;
        private Clock clock = Clock.systemUTC();
        private String vendorId = "6a2a74c0e1f2a3b4c5d6e7f8";
        private String wabaId = "959648497055756";
        private final Map<String, String> phoneNumbers = new LinkedHashMap<>();
        private boolean phoneNumbersGiven;
        private final List<SandboxApiKey> keys = new ArrayList<>();
        private final List<SandboxTemplate> templates = new ArrayList<>();
        private final List<QrSession> qrSessions = new ArrayList<>();
        private final Set<String> withoutWhatsApp = new LinkedHashSet<>();
        private Duration statusInterval = Duration.ofMillis(50);
        private boolean readReceipts = true;
        private int webhookMaxAttempts = 5;
        private Duration webhookInitialBackoff = Duration.ofSeconds(1);
        private Duration webhookMaxBackoff = Duration.ofSeconds(30);
        private Duration webhookTimeout = Duration.ofSeconds(5);
        private long faultSeed = 42;

        private Builder() {
            phoneNumbers.put(DEFAULT_PHONE_NUMBER, DEFAULT_PHONE_NUMBER_ID);
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock for timestamps, the 24-hour window and quotas; a test can move it forward. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The vendor id that {@code GET /ping} echoes. */
        public Builder vendorId(String vendorId) {
            this.vendorId = Objects.requireNonNull(vendorId, "vendorId");
            return this;
        }

        /** The WhatsApp Business Account id in webhook envelopes. */
        public Builder wabaId(String wabaId) {
            this.wabaId = Objects.requireNonNull(wabaId, "wabaId");
            return this;
        }

        /**
         * A sending number and its Meta phone number id (the webhook metadata). The first number given replaces the
         * default {@value WaapiSandbox#DEFAULT_PHONE_NUMBER}.
         */
        public Builder phoneNumber(String e164, String phoneNumberId) {
            if (!phoneNumbersGiven) {
                phoneNumbers.clear();
                phoneNumbersGiven = true;
            }
            phoneNumbers.put(e164, phoneNumberId);
            return this;
        }

        /** An API key; without any, the sandbox has the default key {@value WaapiSandbox#DEFAULT_API_KEY}. */
        public Builder apiKey(SandboxApiKey key) {
            keys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** An approved template; without any, {@code order_shipped/en} and {@code hello_world/en_US} are approved. */
        public Builder template(SandboxTemplate template) {
            templates.add(Objects.requireNonNull(template, "template"));
            return this;
        }

        /** A QR session; without any, {@value WaapiSandbox#DEFAULT_QR_SESSION_ID} is connected on the first number. */
        public Builder qrSession(String sessionId, String sessionName, String e164, boolean connected) {
            qrSessions.add(WaapiSandbox.qrSession(sessionId, sessionName, e164, connected ? "connected" : "disconnected"));
            return this;
        }

        /** A recipient without WhatsApp: sends are accepted, then fail with 131026. */
        public Builder recipientWithoutWhatsApp(String e164) {
            withoutWhatsApp.add(e164);
            return this;
        }

        /** The pause before each status update of a sent message (default 50 ms). */
        public Builder statusInterval(Duration statusInterval) {
            this.statusInterval = Objects.requireNonNull(statusInterval, "statusInterval");
            return this;
        }

        /** Whether recipients read messages (a {@code read} status after {@code delivered}); default true. */
        public Builder readReceipts(boolean readReceipts) {
            this.readReceipts = readReceipts;
            return this;
        }

        /**
         * Webhook retries: at most {@code maxAttempts} attempts, waiting {@code initialBackoff} after the first,
         * doubling up to {@code maxBackoff} (defaults 5, 1 s, 30 s).
         */
        public Builder webhookRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.webhookMaxAttempts = maxAttempts;
            this.webhookInitialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            this.webhookMaxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /** How long a webhook receiver may take to answer (default 5 s, as WAAPI). */
        public Builder webhookTimeout(Duration webhookTimeout) {
            this.webhookTimeout = Objects.requireNonNull(webhookTimeout, "webhookTimeout");
            return this;
        }

        /** The seed of the random choices of fault injection (shares of 500s and drops), for repeatable runs. */
        public Builder faultSeed(long faultSeed) {
            this.faultSeed = faultSeed;
            return this;
        }

        public WaapiSandbox build() {
            return new WaapiSandbox(this);
        }
    }
}
