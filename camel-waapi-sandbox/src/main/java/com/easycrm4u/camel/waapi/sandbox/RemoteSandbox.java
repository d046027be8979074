package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.easycrm4u.camel.waapi.model.Contact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what a WAAPI sandbox running elsewhere recorded, over its read-only records API: for a test that has the
 * sandbox's URL but not the {@link WaapiSandbox} object, such as a {@code @QuarkusTest} on the WAAPI Dev Service (whose
 * sandbox runs in Quarkus's build class loader). The sandbox must listen on loopback, as every sandbox does.
 *
 * <pre>{@code
 * RemoteSandbox sandbox = RemoteSandbox.at(sandboxUrl);    // e.g. @ConfigProperty(name = "waapi.sandbox.url")
 * sandbox.awaitStatus("read", messageId);
 * assertThat(sandbox.getSentMessage(messageId).type()).isEqualTo("template");
 * }</pre>
 */
public final class RemoteSandbox {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final URI url;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private RemoteSandbox(URI url) {
        this.url = url;
    }

    /**
     * The sandbox at this URL: its root ({@code http://127.0.0.1:41234}, what the WAAPI Dev Service publishes as
     * {@code waapi.sandbox.url}) or its API base URL ({@code http://127.0.0.1:41234/api/v1/external}).
     *
     * @throws IllegalArgumentException when the URL is not an {@code http} URL of a loopback host
     */
    public static RemoteSandbox at(String sandboxUrl) {
        if (sandboxUrl == null || sandboxUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "No sandbox URL: give the sandbox's root URL, e.g. the WAAPI Dev Service's waapi.sandbox.url");
        }
        URI uri;
        try {
            uri = URI.create(sandboxUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + sandboxUrl + " (expected http://127.0.0.1:<port>)", e);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1 || !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "The WAAPI sandbox serves its records over http on a loopback address only: expected "
                                               + "http://127.0.0.1:<port>, got " + sandboxUrl);
        }
        return new RemoteSandbox(URI.create("http://" + uri.getRawAuthority()));
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost would need a look-up
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The sandbox's root URL, e.g. {@code http://127.0.0.1:41234}. */
    public String getUrl() {
        return url.toString();
    }

    /** A message the sandbox accepted, as {@link SentMessage} shows it, at the time it was read. */
    public record Message(
            String messageId, String apiKeyName, String channel, String type, String to, String from, String sessionId,
            JsonNode request, Instant sentAt, String status, List<String> statuses, List<String> settledStatuses,
            boolean lastStatus) {

        /** Reached the status and its webhooks of that status are settled (delivered, refused or given up). */
        boolean reached(String wanted) {
            return settledStatuses.contains(wanted) || lastStatus && statuses.contains(wanted);
        }
    }

    /** A webhook delivery and its attempts, as {@link WebhookDelivery} shows it (without its signature). */
    public record Delivery(
            String deliveryId, String apiKeyName, String url, String event, String kind, String messageId,
            WebhookDelivery.State state, String body, List<WebhookDelivery.Attempt> attempts) {

        /** The status codes answered, in order (0 for attempts without an answer). */
        public List<Integer> statusCodes() {
            return attempts.stream().map(WebhookDelivery.Attempt::statusCode).toList();
        }
    }

    /** Every message the sandbox accepted, in order. */
    public List<Message> getSentMessages() {
        return items("messages", this::message);
    }

    /** The message with this id. */
    public Message getSentMessage(String messageId) {
        return getSentMessages().stream().filter(m -> m.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "The WAAPI sandbox at " + url + " accepted no message "
                                                                + messageId));
    }

    /** Every webhook delivery with its attempts, in the order they were created. */
    public List<Delivery> getDeliveries() {
        return items("deliveries", this::delivery);
    }

    /** The deliveries about this message: its status webhooks. */
    public List<Delivery> getDeliveries(String messageId) {
        return getDeliveries().stream().filter(d -> messageId.equals(d.messageId())).toList();
    }

    /** The contacts, as the API returns them. */
    public List<Contact> getContacts() {
        return items("contacts", node -> mapper.convertValue(node, Contact.class));
    }

    /** The customer messages injected so far. */
    public List<CustomerMessage> getInboundMessages() {
        return items("inbound", node -> new CustomerMessage(
                text(node, "messageId"), text(node, "from"), text(node, "to"), text(node, "type"),
                instant(node, "timestamp"), node.get("message")));
    }

    /**
     * Waits (up to {@link WaapiSandbox#DEFAULT_AWAIT_TIMEOUT}) until each of these messages has reached the status and
     * its webhooks of that status are settled, as {@link WaapiSandbox#awaitStatus(String, String...)} does. Fails with
     * an {@link AssertionError} that says where each message stands and how its webhooks went.
     */
    public List<Message> awaitStatus(String status, String... messageIds) {
        return awaitStatus(status, Arrays.asList(messageIds), WaapiSandbox.DEFAULT_AWAIT_TIMEOUT);
    }

    /** {@link #awaitStatus(String, String...)} with a timeout of your own. */
    public List<Message> awaitStatus(String status, Collection<String> messageIds, Duration timeout) {
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one message id");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Message> all = getSentMessages();
            List<Message> waitedFor = new ArrayList<>();
            List<Message> pending = new ArrayList<>();
            for (String id : messageIds) {
                Message message = all.stream().filter(m -> m.messageId().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError(
                                "The WAAPI sandbox at " + url + " accepted no message "
                                                              + id + "; it accepted "
                                                              + all.stream().map(Message::messageId).toList()));
                waitedFor.add(message);
                if (!message.reached(status)) {
                    if (message.lastStatus()) {
                        throw new AssertionError(
                                "Message " + id + " cannot reach '" + status + "': its statuses ended "
                                                 + "with " + message.statuses() + "; " + report(id));
                    }
                    pending.add(message);
                }
            }
            if (pending.isEmpty()) {
                return waitedFor;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(
                        "Within " + timeout.toMillis() + " ms, " + pending.size() + " of "
                                         + waitedFor.size() + " messages did not reach '" + status + "':"
                                         + pending.stream().map(m -> "\n - " + m.messageId() + ": statuses "
                                                                     + m.statuses() + "; " + report(m.messageId()))
                                                 .collect(Collectors.joining()));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for status '" + status + "'", e);
            }
        }
    }

    private String report(String messageId) {
        List<Delivery> deliveries = getDeliveries(messageId);
        if (deliveries.isEmpty()) {
            return "no webhook deliveries";
        }
        return "webhook deliveries: " + deliveries.stream()
                .map(d -> d.kind() + " to " + d.url() + " " + d.state() + " after " + d.attempts().stream()
                        .map(a -> a.answered() ? "HTTP " + a.statusCode() : a.error()).toList())
                .collect(Collectors.joining("; "));
    }

    private Message message(JsonNode node) {
        return new Message(
                text(node, "messageId"), text(node, "apiKeyName"), text(node, "channel"), text(node, "type"),
                text(node, "to"), text(node, "from"), text(node, "sessionId"), node.get("request"),
                instant(node, "sentAt"), text(node, "status"), texts(node, "statuses"), texts(node, "settledStatuses"),
                node.path("lastStatus").asBoolean());
    }

    private Delivery delivery(JsonNode node) {
        List<WebhookDelivery.Attempt> attempts = new ArrayList<>();
        node.path("attempts").forEach(a -> attempts.add(new WebhookDelivery.Attempt(
                a.path("number").asInt(), instant(a, "at"), a.path("statusCode").asInt(), text(a, "error"))));
        return new Delivery(
                text(node, "deliveryId"), text(node, "apiKeyName"), text(node, "url"), text(node, "event"),
                text(node, "kind"), text(node, "messageId"), WebhookDelivery.State.valueOf(text(node, "state")),
                text(node, "body"), List.copyOf(attempts));
    }

    private <T> List<T> items(String records, Function<JsonNode, T> read) {
        JsonNode answer = get(records).path(records);
        List<T> items = new ArrayList<>();
        answer.forEach(node -> items.add(read.apply(node)));
        return List.copyOf(items);
    }

    private JsonNode get(String records) {
        URI uri = url.resolve(SandboxRecordsHandler.PATH + "/" + records);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The WAAPI sandbox at " + url + " did not answer GET " + uri.getPath()
                                           + " (is it started, and is this its URL?)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the sandbox's " + records, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "The WAAPI sandbox at " + url + " answered GET " + uri.getPath() + " with "
                                            + response.statusCode() + ": " + response.body());
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The WAAPI sandbox at " + url + " answered GET " + uri.getPath()
                                            + " with something that is not JSON; is this the sandbox's URL?",
                    e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    @Override
    public String toString() {
        return "RemoteSandbox[" + url + "]";
    }
}
