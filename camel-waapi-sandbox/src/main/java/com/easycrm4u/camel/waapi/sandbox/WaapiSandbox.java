package com.easycrm4u.camel.waapi.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.model.QrSession;
import com.easycrm4u.camel.waapi.sandbox.console.InboundMedia;
import com.easycrm4u.camel.waapi.sandbox.console.MetaErrorCodes;
import com.easycrm4u.camel.waapi.sandbox.console.SandboxConsole;
import com.easycrm4u.camel.waapi.sandbox.console.TemplateView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * It keeps API keys, approved templates, contacts, QR sessions and each customer's 24-hour service window, answers
 * every documented endpoint the way the reference does, delivers signed webhooks (status updates after each Cloud API
 * send, customer messages, template reviews, QR session changes, test events), injects faults, and shows what happened.
 * All state is thread-safe.
 */
public final class WaapiSandbox implements AutoCloseable {

    /** The API key of a sandbox built without keys. */
    public static final String DEFAULT_API_KEY = "waapi_sandbox_key";
    /** Its secret. */
    public static final String DEFAULT_API_SECRET = "secr_sandbox_secret";
    /** Its name, as {@code GET /ping} echoes it and as {@link #setWebhookUrl} and introspection take it. */
    public static final String DEFAULT_API_KEY_NAME = "Sandbox";
    /** Its webhook verify token. */
    public static final String DEFAULT_WEBHOOK_VERIFY_TOKEN = "sandbox_webhook_token";
    /** The sending number of a sandbox built without numbers (the reference's example number). */
    public static final String DEFAULT_PHONE_NUMBER = "+917890000199";
    /** Its Meta phone number id. */
    public static final String DEFAULT_PHONE_NUMBER_ID = "1226212787235581";
    /** The QR session of a sandbox built without sessions: connected, on the default number. */
    public static final String DEFAULT_QR_SESSION_ID = "sess_abc";
    /** The path {@code waapi:webhook} listens on by default. */
    public static final String DEFAULT_WEBHOOK_PATH = WaapiConfiguration.DEFAULT_WEBHOOK_PATH;
    /** How long {@link #awaitStatus(String, String...)} waits. */
    public static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(WaapiSandbox.class);

    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final Clock clock;
    private final String vendorId;
    private final SandboxServer server;
    private final SendingNumbers numbers = new SendingNumbers();
    private final ApiKeys keys = new ApiKeys(numbers);
    private final Templates templates = new Templates();
    private final QrSessions qrSessions = new QrSessions();
    private final Contacts contacts = new Contacts(mapper);
    private final ServiceWindows windows;
    private final RecipientsWithoutWhatsApp withoutWhatsApp = new RecipientsWithoutWhatsApp();
    private final MediaLimits media = new MediaLimits();
    private final Quotas quotas;
    private final SandboxFaults faults;
    private final SentMessages sentMessages = new SentMessages();
    private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
    private final WebhookPayloads payloads;
    private final WebhookDispatcher dispatcher;
    private final WebhookFanOut fanOut;
    private final SimulatedCustomers customers;
    private final StatusProgression statuses;
    private final SandboxConsole console;
    private final SandboxHttpHandler handler;
    private final CamelWiring camel;

    WaapiSandbox(WaapiSandboxBuilder builder) {
        this.clock = builder.clock;
        this.vendorId = builder.vendorId;
        this.server = new SandboxServer(builder.port);
        this.windows = new ServiceWindows(clock);
        this.quotas = new Quotas(clock);
        this.faults = new SandboxFaults(builder.faultSeed);
        this.payloads = new WebhookPayloads(mapper, builder.wabaId);
        builder.phoneNumbers.forEach(numbers::add);
        (builder.keys.isEmpty() ? List.of(defaultKey()) : builder.keys).forEach(keys::add);
        (builder.templates.isEmpty()
                ? List.of(defaultOrderShipped(), defaultHelloWorld())
                : builder.templates).forEach(templates::approve);
        if (builder.qrSessions.isEmpty()) {
            qrSessions.add(DEFAULT_QR_SESSION_ID, "Primary", PhoneNumbers.display(numbers.all().get(0)), true);
        }
        builder.qrSessions.forEach(s -> qrSessions.add(s.getSessionId(), s.getSessionName(), s.getPhoneNumber(),
                QrSessions.CONNECTED.equals(s.getStatus())));
        builder.withoutWhatsApp.forEach(withoutWhatsApp::add);
        HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(builder.webhookTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(server.httpExecutor()).build();
        this.dispatcher = new WebhookDispatcher(
                webhookClient, server.webhookCalls(), server.scheduler(), clock, builder.webhookMaxAttempts,
                builder.webhookInitialBackoff, builder.webhookMaxBackoff, builder.webhookTimeout);
        this.fanOut = new WebhookFanOut(keys, dispatcher, mapper);
        this.customers = new SimulatedCustomers(mapper, clock, numbers, windows, contacts, payloads, fanOut);
        this.statuses = new StatusProgression(
                server.scheduler(), clock, builder.statusInterval,
                builder.readReceipts, withoutWhatsApp, numbers, payloads, fanOut, sentMessages);
        Outbox outbox = new Outbox(clock, sentMessages, statuses);
        ApiRoutes routes = new ApiRoutes(
                new PingEndpoint(mapper, vendorId),
                new CloudApiEndpoints(
                        mapper, numbers, templates, builder.missingTemplateStatus, windows, withoutWhatsApp,
                        contacts, media, outbox),
                new ContactEndpoints(mapper, contacts), new QrApiEndpoints(mapper, numbers, qrSessions, media, outbox));
        this.handler = new SandboxHttpHandler(
                routes, new ApiAuthenticator(keys), quotas, faults, clock, requests::add,
                mapper);
        this.camel = new CamelWiring(this::getBaseUrl, numbers);
        this.console = builder.console ? new SandboxConsole(this, builder.consoleHeartbeat) : null;
    }

    /** A builder with the defaults described on each of its methods. */
    public static WaapiSandboxBuilder builder() {
        return new WaapiSandboxBuilder();
    }

    /** The reference's example template, with a text of the sandbox's own. */
    private static SandboxTemplate defaultOrderShipped() {
        return SandboxTemplate.of("order_shipped", "en").withHeader("Your order has shipped")
                .withBody("Hi {{1}}, your order is on its way. Tracking number: {{2}}.")
                .withQuickReplyButtons("Track my order", "Talk to us");
    }

    /** Meta's sample template. */
    private static SandboxTemplate defaultHelloWorld() {
        return SandboxTemplate.of("hello_world", "en_US").withHeader("Hello World")
                .withBody("Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp "
                          + "message notification from the Cloud API, hosted by Meta. Thank you for taking the time to "
                          + "test with us.")
                .withFooter("WhatsApp Business Platform sample message");
    }

    private static SandboxApiKey defaultKey() {
        return SandboxApiKey.builder(DEFAULT_API_KEY).secret(DEFAULT_API_SECRET).name(DEFAULT_API_KEY_NAME)
                .webhookVerifyToken(DEFAULT_WEBHOOK_VERIFY_TOKEN).build();
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------------

    /** Starts serving on 127.0.0.1 (the port given to the builder; 0 picks a free one). Returns this sandbox. */
    public WaapiSandbox start() {
        if (server.start(SandboxRecordsHandler.beside(handler, this), SandboxConsole.PATH, console)) {
            LOG.info("WAAPI sandbox listening on {}", getBaseUrl());
            if (console != null) {
                LOG.info("WAAPI sandbox console: {}", getConsoleUrl());
            }
        }
        return this;
    }

    public boolean isStarted() {
        return server.isStarted();
    }

    /** Stops serving and delivering webhooks, for good. */
    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        server.close();
    }

    /** The port it listens on. */
    public int getPort() {
        return server.port();
    }

    /** The base URL to give the component, e.g. {@code http://127.0.0.1:41234/api/v1/external}. */
    public String getBaseUrl() {
        return "http://127.0.0.1:" + getPort() + ApiRoutes.BASE_PATH;
    }

    /**
     * The address of the sandbox console, {@code http://127.0.0.1:<port>/console}, when it was built with
     * {@link WaapiSandboxBuilder#console(boolean) console(true)}.
     */
    public String getConsoleUrl() {
        if (console == null) {
            throw new IllegalStateException(
                    "this WAAPI sandbox has no console; build it with "
                                            + "WaapiSandbox.builder().console(true)");
        }
        return "http://127.0.0.1:" + getPort() + SandboxConsole.PATH;
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
        camel.configure(context, key);
    }

    /**
     * The same settings as Camel properties ({@code camel.component.waapi.base-url}, {@code .api-key},
     * {@code .api-secret}, {@code .from-phone-no}, {@code .webhook-verify-token}), for Camel Main's
     * {@code addOverrideProperty}, a {@code @DynamicPropertySource} or a Quarkus test resource.
     */
    public Map<String, String> camelProperties(SandboxApiKey key) {
        return camel.properties(key);
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
        camel.configureOverridingProperties(context, getPrimaryApiKey());
    }

    /**
     * A {@link CamelConfiguration} that runs {@link #configureOverridingProperties(CamelContext)}: for Camel Main
     * ({@code main.configure().addConfiguration(sandbox.camelConfiguration())}) and {@code @CamelMainTest}'s
     * {@code @Configure} methods. The sandbox is started when it runs.
     */
    public CamelConfiguration camelConfiguration() {
        return new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                start();
                configureOverridingProperties(context);
            }
        };
    }

    // ---- webhooks of the tested application ------------------------------------------------------------------------

    /**
     * Delivers the first key's webhooks to {@code http://127.0.0.1:<port><path>}, where the test's
     * {@code waapi:webhook} listens (e.g. {@code deliverWebhooksTo(port, WaapiSandbox.DEFAULT_WEBHOOK_PATH)} with
     * Spring Boot's {@code @LocalServerPort}).
     */
    public WebhookCallback deliverWebhooksTo(int port, String path) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        String normalized = path == null || path.isBlank() ? DEFAULT_WEBHOOK_PATH : path.startsWith("/") ? path : "/" + path;
        return deliverWebhooksTo("http://127.0.0.1:" + port + normalized);
    }

    /** Delivers the first key's webhooks to this URL (e.g. a Quarkus {@code @TestHTTPResource}). */
    public WebhookCallback deliverWebhooksTo(String url) {
        String name = getPrimaryApiKey().getName();
        keys.setWebhookUrl(name, url);
        return new WebhookCallback(name, URI.create(url));
    }

    /**
     * A port free on 127.0.0.1 now, for an application that must know its webhook URL before it starts. It is picked
     * outside the range the operating system takes outgoing connections' ports from, so that no connection made in the
     * meantime takes it before the application binds it.
     */
    public static int freeLoopbackPort() {
        return SandboxServer.freeLoopbackPort();
    }

    /**
     * Delivers the first key's webhooks to a free loopback port picked now, on {@link #DEFAULT_WEBHOOK_PATH}: give the
     * application that port ({@link WebhookCallback#port()}, or {@link WebhookCallback#camelServerProperties()} on
     * Camel Main).
     */
    public WebhookCallback deliverWebhooksToFreePort() {
        return deliverWebhooksTo(SandboxServer.freeLoopbackPort(), DEFAULT_WEBHOOK_PATH);
    }

    /**
     * Serves this context's {@code waapi:webhook} consumers on a free loopback port and delivers the first key's
     * webhooks there: Camel Main's HTTP server is moved to that port, or else Camel's Vert.x platform-http server is
     * added to the context on it (camel-platform-http-main or camel-platform-http-vertx on the classpath). Call it
     * before the context starts.
     */
    public WebhookCallback receiveWebhooksIn(CamelContext context) {
        return receiveWebhooksIn(context, SandboxServer.freeLoopbackPort(), DEFAULT_WEBHOOK_PATH);
    }

    WebhookCallback receiveWebhooksIn(CamelContext context, int port, String path) {
        if (!Classpath.PLATFORM_HTTP_VERTX) {
            throw new IllegalStateException(
                    "To receive webhooks in a plain Camel context the sandbox needs Camel's Vert.x "
                                            + "HTTP server: add org.apache.camel:camel-platform-http-main (or "
                                            + "camel-platform-http-vertx) to the test dependencies");
        }
        return deliverWebhooksTo(PlatformHttpHosting.host(context, "127.0.0.1", port), path);
    }

    /** Sends the key's "Send test event" delivery (its shape is assumed; see docs/sandbox.md). */
    public WebhookDelivery sendTestEvent(String apiKeyName) {
        SandboxApiKey key = getApiKey(apiKeyName);
        return fanOut.deliverTo(key, WebhookPayloads.EVENT_TEST, WebhookPayloads.EVENT_TEST, null,
                payloads.testEvent(key.getName(), clock.instant()));
    }

    // ---- keys, numbers, templates, sessions, recipients, media ------------------------------------------------------

    /** Adds (or replaces, by key) an API key. Its bound numbers become numbers of the sandbox. */
    public WaapiSandbox addApiKey(SandboxApiKey key) {
        keys.add(key);
        return this;
    }

    /**
     * Sets (or with null removes) the callback URL of the key with this name; the following deliveries go there. The
     * key needs a webhook verify token to sign them.
     */
    public WaapiSandbox setWebhookUrl(String apiKeyName, String url) {
        keys.setWebhookUrl(apiKeyName, url);
        return this;
    }

    /** The current callback URL of the key with this name, or null. */
    public String getWebhookUrl(String apiKeyName) {
        return keys.webhookUrl(apiKeyName);
    }

    public List<SandboxApiKey> getApiKeys() {
        return keys.all();
    }

    /** The first key added (or the default key). */
    public SandboxApiKey getPrimaryApiKey() {
        return keys.primary();
    }

    /** The key with this name, e.g. {@link #DEFAULT_API_KEY_NAME}. */
    public SandboxApiKey getApiKey(String name) {
        return keys.named(name);
    }

    /** Adds a sending number with its Meta phone number id (generated when null). */
    public WaapiSandbox addPhoneNumber(String e164, String phoneNumberId) {
        numbers.add(e164, phoneNumberId);
        return this;
    }

    /** The E.164 digits of the sandbox's sending numbers. */
    public List<String> getPhoneNumbers() {
        return numbers.all();
    }

    /** Approves a template (name and language). */
    public WaapiSandbox addTemplate(SandboxTemplate template) {
        templates.approve(template);
        return this;
    }

    /** Withdraws the approval of a template. */
    public WaapiSandbox removeTemplate(String name, String language) {
        templates.withdraw(name, language);
        return this;
    }

    /**
     * Meta reviewed a template: {@code APPROVED} approves it (as a {@code utility} template unless it was known), any
     * other event ({@code REJECTED}, {@code PAUSED}, {@code DISABLED}, ...) withdraws the approval. Every key with a
     * webhook subscribed to {@code message_template_status_update} gets the event.
     */
    public WaapiSandbox changeTemplateStatus(String name, String language, String event, String reason) {
        Templates.Review review = templates.review(name, language, event);
        ObjectNode envelope = payloads.templateStatus(review.templateId(), review.template(), event,
                reason == null ? "NONE" : reason, clock.instant());
        fanOut.deliver(key -> true, WebhookPayloads.FIELD_TEMPLATE_STATUS, "template:" + event,
                Long.toString(review.templateId()), envelope);
        return this;
    }

    public List<SandboxTemplate> getTemplates() {
        return templates.all();
    }

    /** Adds or replaces a QR session on a number. */
    public WaapiSandbox addQrSession(String sessionId, String sessionName, String e164, boolean connected) {
        qrSessions.add(sessionId, sessionName, e164, connected);
        return this;
    }

    /**
     * Connects or disconnects a QR session: sends from a disconnected session fail, and the API lists connected
     * sessions only. A change is delivered as a {@code qr_session} event (its shape is assumed; see docs/sandbox.md) to
     * the keys with the QR service that are bound to the session's number.
     */
    public WaapiSandbox setQrSessionConnected(String sessionId, boolean connected) {
        QrSession changed = qrSessions.setConnected(sessionId, connected);
        if (changed != null) {
            fanOut.deliver(key -> key.getServices().contains(SandboxApiKey.Service.QR)
                    && numbers.isBound(key, changed.getPhoneNumber()),
                    WebhookPayloads.EVENT_QR_SESSION, WebhookPayloads.EVENT_QR_SESSION + ":" + changed.getStatus(),
                    changed.getSessionId(), payloads.qrSessionEvent(changed, clock.instant()));
        }
        return this;
    }

    /** Every QR session, connected or not (copies); the API lists the connected ones only. */
    public List<QrSession> getQrSessions() {
        return qrSessions.all();
    }

    /** Cloud API sends to this number are accepted, then fail with 131026 in a {@code failed} status webhook. */
    public WaapiSandbox addRecipientWithoutWhatsApp(String e164) {
        return addRecipientWithoutWhatsApp(e164, WithoutWhatsApp.FAILED_STATUS);
    }

    /** A number without WhatsApp, and how Cloud API sends to it fail. */
    public WaapiSandbox addRecipientWithoutWhatsApp(String e164, WithoutWhatsApp how) {
        withoutWhatsApp.add(e164, how);
        return this;
    }

    /**
     * Declares what fetching a media link would find, so the Cloud API's type and size limits apply to sends of it
     * (without it, only the link's file extension shows a type). The sandbox never fetches links.
     */
    public WaapiSandbox putMediaFile(String link, String contentType, long sizeBytes) {
        media.putFile(link, contentType, sizeBytes);
        return this;
    }

    public SandboxFaults faults() {
        return faults;
    }

    // ---- customers -------------------------------------------------------------------------------------------------

    /** Opens the 24-hour service window of a customer with a business number, as if the customer had just written. */
    public WaapiSandbox openServiceWindow(String customerE164, String businessE164) {
        windows.open(PhoneNumbers.digits(businessE164), PhoneNumbers.digits(customerE164));
        return this;
    }

    /** A customer sends a text to a business number: opens the window and is delivered as a signed webhook. */
    public CustomerMessage injectText(String customerE164, String businessE164, String text) {
        return customers.text(customerE164, businessE164, text);
    }

    /** A customer sends a picture (with an optional caption; {@code image/jpeg} when the type is null). */
    public CustomerMessage injectImage(String customerE164, String businessE164, String caption, String mimeType) {
        return customers.image(customerE164, businessE164, caption, mimeType);
    }

    /**
     * A customer sends media: {@code image}, {@code video}, {@code audio}, {@code document} or {@code sticker}, with an
     * optional caption (not for audio and stickers), MIME type (the type's usual one when null) and file name
     * (documents).
     */
    public CustomerMessage injectMedia(
            String customerE164, String businessE164, String type, String caption, String mimeType, String filename) {
        InboundMedia.check(type, caption, filename);
        return customers.media(customerE164, businessE164, type, caption,
                mimeType != null ? mimeType : InboundMedia.mimeType(type, null), filename);
    }

    /** A customer shares a location (name and address are optional). */
    public CustomerMessage injectLocation(
            String customerE164, String businessE164, double latitude, double longitude, String name,
            String address) {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || Double.isNaN(latitude) || Double.isNaN(longitude)) {
            throw new IllegalArgumentException(
                    "a location needs a latitude between -90 and 90 and a longitude between "
                                               + "-180 and 180, not " + latitude + ", " + longitude);
        }
        return customers.location(customerE164, businessE164, latitude, longitude, name, address);
    }

    /**
     * The customer presses the quick-reply button at this index of a template the routes sent: a {@code button} message
     * in the template's context, with the payload the send gave that button (or else the button's text) and the
     * button's text (from {@link SandboxTemplate#withQuickReplyButtons}, or else the payload).
     */
    public CustomerMessage injectTemplateButtonReply(String templateMessageId, int buttonIndex) {
        SentMessage message = getSentMessage(templateMessageId);
        JsonNode sent = TemplateView.templateOf(message);
        if (sent == null) {
            throw new IllegalArgumentException(
                    "message " + templateMessageId + " is a " + message.getType()
                                               + " message, not a template; only a template's quick-reply buttons can be "
                                               + "pressed");
        }
        TemplateView.QuickReply reply = TemplateView.quickReply(sent,
                templates.find(sent.path("name").asText(), sent.path("language").asText()), buttonIndex);
        return customers.templateButton(PhoneNumbers.display(message.getTo()), PhoneNumbers.display(message.getFrom()),
                message.getMessageId(), reply.payload(), reply.text());
    }

    /** A customer taps a reply button of an interactive message. */
    public CustomerMessage injectButtonReply(String customerE164, String businessE164, String buttonId, String title) {
        return customers.buttonReply(customerE164, businessE164, buttonId, title);
    }

    /** A customer picks a row of an interactive list message. */
    public CustomerMessage injectListReply(
            String customerE164, String businessE164, String rowId, String title,
            String description) {
        return customers.listReply(customerE164, businessE164, rowId, title, description);
    }

    // ---- the platform ----------------------------------------------------------------------------------------------

    /**
     * The customer reads a Cloud API message: its automatic statuses stop, and {@code read} follows as a status
     * webhook, after {@code sent} and {@code delivered} when theirs did not go out yet. Nothing is sent when it was
     * read already by the time its step runs.
     */
    public WaapiSandbox markRead(String messageId) {
        SentMessage message = statusesOf(messageId);
        if (message.getStatuses().contains("failed")) {
            throw new IllegalStateException("message " + messageId + " has failed; a failed message cannot be read");
        }
        if (message.getStatuses().contains("read")) {
            throw new IllegalStateException("message " + messageId + " is read already");
        }
        statuses.takeOver(message, null);
        return this;
    }

    /**
     * A Cloud API message fails with this Meta error code (131026, 131047, 131049, 131051, 130472, 131000, ...; see
     * {@link #failMessage(String, int, String, String)} for others): its automatic statuses stop, and a {@code failed}
     * status webhook with the code and Meta's title follows.
     */
    public WaapiSandbox failMessage(String messageId, int metaErrorCode) {
        MetaErrorCodes.Known known = MetaErrorCodes.find(metaErrorCode);
        if (known == null) {
            throw new IllegalArgumentException(
                    "the sandbox does not know Meta error " + metaErrorCode
                                               + "; it knows " + MetaErrorCodes.codes()
                                               + ", or give the title: failMessage(id, code, title, details)");
        }
        return failMessage(messageId, metaErrorCode, known.title(), known.details());
    }

    /** {@link #failMessage(String, int)} with a title and details of your own. */
    public WaapiSandbox failMessage(String messageId, int metaErrorCode, String title, String details) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a failed status needs the error's title");
        }
        SentMessage message = statusesOf(messageId);
        if (message.getStatuses().contains("failed")) {
            throw new IllegalStateException("message " + messageId + " has failed already");
        }
        statuses.takeOver(message, new MetaError(metaErrorCode, title, details != null ? details : title));
        return this;
    }

    private SentMessage statusesOf(String messageId) {
        SentMessage message = getSentMessage(messageId);
        if (!"cloud".equals(message.getChannel())) {
            throw new IllegalStateException(
                    "message " + messageId + " was sent from a QR session; QR sends get no "
                                            + "status updates (only Cloud API messages do)");
        }
        return message;
    }

    // ---- introspection ---------------------------------------------------------------------------------------------

    /** Every message accepted, in order. */
    public List<SentMessage> getSentMessages() {
        return sentMessages.all();
    }

    /** The messages sent with the key of this name. */
    public List<SentMessage> getSentMessages(String apiKeyName) {
        return sentMessages.sentWith(apiKeyName);
    }

    /** The message with this id. */
    public SentMessage getSentMessage(String messageId) {
        return sentMessages.byId(messageId);
    }

    /**
     * Waits (up to {@link #DEFAULT_AWAIT_TIMEOUT}) until each of these messages has reached the status ({@code sent},
     * {@code delivered}, {@code read} or {@code failed}) and its webhooks of that status are settled, so the routes
     * that receive them have done so. Fails with an {@link AssertionError} that says where each message stands and how
     * its webhook deliveries went, at once when a message can no longer reach the status.
     */
    public List<SentMessage> awaitStatus(String status, String... messageIds) {
        return awaitStatus(status, Arrays.asList(messageIds), DEFAULT_AWAIT_TIMEOUT);
    }

    /** {@link #awaitStatus(String, String...)} with a timeout of your own. */
    public List<SentMessage> awaitStatus(String status, Collection<String> messageIds, Duration timeout) {
        return sentMessages.awaitStatus(status, List.copyOf(messageIds), timeout, fanOut::report);
    }

    /** The contacts, as the API returns them. */
    public List<Contact> getContacts() {
        return contacts.all().stream().map(c -> mapper.convertValue(c, Contact.class)).toList();
    }

    /** The contact with this phone number (normalized as the API does), or null. */
    public Contact getContact(String phoneNumber) {
        ObjectNode contact = contacts.get(PhoneNumbers.normalize(phoneNumber, null));
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
        return mapper.convertValue(contacts.upsert(e164, null, fields), Contact.class);
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
    public List<CustomerMessage> getInboundMessages() {
        return customers.all();
    }

    /** Every service window a customer opened (by writing), open or closed by now. */
    public List<ServiceWindow> getServiceWindows() {
        return windows.all();
    }

    /**
     * How much of each key's quotas the requests of the last minute and hour used; for a key without quotas, the
     * requests it made (those not refused with 429).
     */
    public List<QuotaUsage> getQuotaUsage() {
        return keys.all().stream().map(this::quotaUsage).toList();
    }

    private QuotaUsage quotaUsage(SandboxApiKey key) {
        if (key.getQuotaPerMinute() > 0 || key.getQuotaPerHour() > 0) {
            return quotas.usage(key);
        }
        Instant now = clock.instant();
        List<Instant> made = requests.stream().filter(r -> key.getName().equals(r.apiKeyName()) && r.status() != 429)
                .map(ApiRequest::at).toList();
        return new QuotaUsage(
                key.getName(), 0, (int) made.stream().filter(at -> at.plusSeconds(60).isAfter(now)).count(),
                0, (int) made.stream().filter(at -> at.plusSeconds(3600).isAfter(now)).count());
    }

    /** Every API request received and the status answered. */
    public List<ApiRequest> getRequests() {
        return List.copyOf(requests);
    }

    /**
     * Forgets what happened: messages, contacts, deliveries, requests, inbound messages, service windows and quota use;
     * clears the faults. Keys, numbers, templates, sessions, recipients and media files stay.
     */
    public void reset() {
        sentMessages.clear();
        contacts.clear();
        dispatcher.clear();
        requests.clear();
        customers.clear();
        windows.clear();
        quotas.clear();
        faults.clear();
        statuses.clear();
    }

    @Override
    public String toString() {
        return "WaapiSandbox[" + (isStarted() ? getBaseUrl() : "not started") + ", " + keys.size() + " keys, "
               + sentMessages.all().size() + " messages sent]";
    }
}
