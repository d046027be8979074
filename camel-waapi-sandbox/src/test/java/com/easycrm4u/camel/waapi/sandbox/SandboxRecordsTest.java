package com.easycrm4u.camel.waapi.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.easycrm4u.camel.waapi.model.Contact;
import com.easycrm4u.camel.waapi.sandbox.RawApi.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-only records API (GET /sandbox/records/...) and RemoteSandbox, which reads it. */
class SandboxRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = "+917890000198";
    private static final String KEY = "waapi_records_test_key";
    private static final String SECRET = "secr_records_test_secret";
    private static final String TOKEN = "records_test_verify_token";
    // quotes, a backslash, a line break, markup and characters outside ASCII, as a customer's text may have them
    private static final String AWKWARD_TEXT = "Order \"AWB-1\" \\ shipped\n</script><b>&amp; é 😀";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private WaapiSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private WaapiSandbox startSandbox(String webhookUrl) {
        sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10))
                .apiKey(SandboxApiKey.builder(KEY).secret(SECRET).name("Records").webhook(webhookUrl, TOKEN).build())
                .build().start();
        return sandbox;
    }

    private RawApi api() {
        return new RawApi(sandbox).as(KEY, SECRET);
    }

    private String root() {
        return "http://127.0.0.1:" + sandbox.getPort();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String sendText(String body) throws Exception {
        Answer answer = api().post("/whatsapp-api/messages/text", JSON.writeValueAsString(JSON.createObjectNode()
                .put("to", CUSTOMER).put("fromPhoneNo", WaapiSandbox.DEFAULT_PHONE_NUMBER).put("body", body)));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.json().at("/data/messageId").asText();
    }

    @Test
    void messagesAndDeliveriesAreServedAsJsonWithEveryFieldATestNeeds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            startSandbox(receiver.url());
            sandbox.openServiceWindow(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER);
            String id = sendText(AWKWARD_TEXT);
            sandbox.awaitStatus("read", id);

            HttpResponse<String> messages = get("/sandbox/records/messages");
            assertThat(messages.statusCode()).isEqualTo(200);
            assertThat(messages.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(messages.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode message = JSON.readTree(messages.body()).get("messages").get(0);
            assertThat(fieldNames(message)).containsExactlyInAnyOrder("messageId", "apiKeyName", "channel", "type", "to",
                    "from", "sessionId", "request", "sentAt", "status", "statuses", "settledStatuses", "lastStatus");
            assertThat(message.get("messageId").asText()).isEqualTo(id);
            assertThat(message.get("apiKeyName").asText()).isEqualTo("Records");
            assertThat(message.get("channel").asText()).isEqualTo("cloud");
            assertThat(message.get("type").asText()).isEqualTo("text");
            assertThat(message.get("to").asText()).isEqualTo("917890000198");
            assertThat(message.get("status").asText()).isEqualTo("read");
            assertThat(message.get("statuses")).extracting(JsonNode::asText).containsExactly("sent", "delivered", "read");
            assertThat(message.get("lastStatus").asBoolean()).isTrue();
            assertThat(message.get("sentAt").asText()).isEqualTo(sandbox.getSentMessage(id).getTimestamp().toString());
            // the text comes back exactly as sent: escaped in the JSON, not cut or changed
            assertThat(message.at("/request/body").asText()).isEqualTo(AWKWARD_TEXT);
            assertThat(messages.body()).doesNotContain("\n").contains("\\\"AWB-1\\\"");

            JsonNode deliveries = JSON.readTree(get("/sandbox/records/deliveries").body()).get("deliveries");
            assertThat(deliveries).hasSize(3);
            JsonNode read = deliveries.get(2);
            assertThat(fieldNames(read)).containsExactlyInAnyOrder("deliveryId", "apiKeyName", "url", "event", "kind",
                    "messageId", "state", "body", "attempts");
            assertThat(read.get("kind").asText()).isEqualTo("read");
            assertThat(read.get("messageId").asText()).isEqualTo(id);
            assertThat(read.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(read.get("url").asText()).isEqualTo(receiver.url());
            assertThat(fieldNames(read.get("attempts").get(0)))
                    .containsExactlyInAnyOrder("number", "at", "statusCode", "error");
            assertThat(read.at("/attempts/0/statusCode").asInt()).isEqualTo(200);
            // the body is the exact signed JSON the application received
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::bodyText).contains(read.get("body").asText());
        }
    }

    @Test
    void remoteSandboxReadsWhatTheSandboxObjectShows() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            startSandbox(receiver.url());
            CustomerMessage inbound = sandbox.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, AWKWARD_TEXT);
            sandbox.putContact(CUSTOMER, "Sayan", "Tan");
            String id = sendText(AWKWARD_TEXT);
            // the API's base URL works as well as the root
            RemoteSandbox remote = RemoteSandbox.at(sandbox.getBaseUrl());
            assertThat(remote.getUrl()).isEqualTo(root());

            List<RemoteSandbox.Message> read = remote.awaitStatus("read", id);

            SentMessage local = sandbox.getSentMessage(id);
            assertThat(read).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(id);
                assertThat(m.type()).isEqualTo("text");
                assertThat(m.from()).isEqualTo(local.getFrom());
                assertThat(m.request()).isEqualTo(local.getRequest());
                assertThat(m.sentAt()).isEqualTo(local.getTimestamp());
                assertThat(m.status()).isEqualTo("read");
                assertThat(m.statuses()).containsExactly("sent", "delivered", "read");
            });
            assertThat(remote.getDeliveries(id)).extracting(RemoteSandbox.Delivery::kind,
                    RemoteSandbox.Delivery::state, RemoteSandbox.Delivery::statusCodes)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("sent", WebhookDelivery.State.DELIVERED, List.of(200)),
                            org.assertj.core.groups.Tuple.tuple("delivered", WebhookDelivery.State.DELIVERED, List.of(200)),
                            org.assertj.core.groups.Tuple.tuple("read", WebhookDelivery.State.DELIVERED, List.of(200)));
            assertThat(remote.getDeliveries()).hasSize(sandbox.getDeliveries().size());
            assertThat(remote.getInboundMessages()).containsExactly(inbound);
            assertThat(remote.getContacts()).extracting(Contact::getPhoneNumber, Contact::getFirstName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            sandbox.getContact(CUSTOMER).getPhoneNumber(), "Sayan"));
        }
    }

    @Test
    void remoteAwaitStatusSaysWhyAMessageCannotReachTheStatus() throws Exception {
        sandbox = WaapiSandbox.builder().statusInterval(Duration.ofMillis(10)).readReceipts(false).build().start();
        sandbox.openServiceWindow(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER);
        Answer answer = new RawApi(sandbox).post("/whatsapp-api/messages/text", "{\"to\": \"917890000198\", "
                                                                                + "\"fromPhoneNo\": \"+917890000199\", \"body\": \"hi\"}");
        String id = answer.json().at("/data/messageId").asText();
        RemoteSandbox remote = RemoteSandbox.at(root());

        assertThatThrownBy(() -> remote.awaitStatus("read", List.of(id), Duration.ofMinutes(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(id + " cannot reach 'read': its statuses ended with [sent, delivered]")
                .hasMessageContaining("no webhook deliveries");
        assertThatThrownBy(() -> remote.awaitStatus("read", "wamid.unknown"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("accepted no message wamid.unknown");
        assertThatThrownBy(() -> remote.getSentMessage("wamid.unknown"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accepted no message wamid.unknown");
    }

    @Test
    void noSecretIsInAnyRecord() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            startSandbox(receiver.url());
            sandbox.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "hi");
            sandbox.putContact(CUSTOMER, "Sayan", null);
            sandbox.awaitStatus("read", sendText("hello"));
            sandbox.sendTestEvent("Records");

            Set<String> signatures = sandbox.getDeliveries().stream().map(WebhookDelivery::getSignature)
                    .collect(Collectors.toSet());
            assertThat(signatures).isNotEmpty();
            for (String records : SandboxRecordsHandler.RECORDS) {
                HttpResponse<String> response = get("/sandbox/records/" + records);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).get(records)).as(records).isNotEmpty();
                assertThat(response.body()).as(records).doesNotContain(KEY, SECRET, TOKEN)
                        .doesNotContain(signatures.toArray(String[]::new));
            }
        }
    }

    @Test
    void theRecordsAreReadOnlyAndUnknownRecordsAreNamed() throws Exception {
        startSandbox(null);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(root() + "/sandbox/records/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");

        HttpResponse<String> unknown = get("/sandbox/records/secrets");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/sandbox/records/messages", "/sandbox/records/deliveries");
        // the API is served as before, and records requests are not API requests
        assertThat(api().get("/ping").status()).isEqualTo(200);
        assertThat(sandbox.getRequests()).extracting(ApiRequest::path).containsExactly("/api/v1/external/ping");
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        startSandbox(null);
        // a page whose host name was rebound to 127.0.0.1 still sends its own name as Host
        assertThat(rawGet("evil.example:" + sandbox.getPort())).startsWith("HTTP/1.1 403");
        assertThat(rawGet("127.0.0.1.evil.example")).startsWith("HTTP/1.1 403");
        assertThat(rawGet("localhost:" + sandbox.getPort())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("[::1]:" + sandbox.getPort())).startsWith("HTTP/1.1 200");
    }

    @Test
    void aClientNotOnLoopbackIsRefused() throws Exception {
        startSandbox(null);
        FakeExchange fromAfar = new FakeExchange(new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 40000));
        SandboxRecordsHandler.beside(exchange -> {
            throw new AssertionError("not an API request");
        }, sandbox).handle(fromAfar);
        assertThat(fromAfar.status).isEqualTo(403);
        assertThat(fromAfar.body.toString(StandardCharsets.UTF_8)).contains("loopback");

        FakeExchange local = new FakeExchange(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000));
        SandboxRecordsHandler.beside(exchange -> {
            throw new AssertionError("not an API request");
        }, sandbox).handle(local);
        assertThat(local.status).isEqualTo(200);
    }

    @Test
    void remoteSandboxTalksToLoopbackOnly() {
        assertThatThrownBy(() -> RemoteSandbox.at("http://192.0.2.10:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback")
                .hasMessageContaining("http://192.0.2.10:8080");
        assertThatThrownBy(() -> RemoteSandbox.at("http://sandbox.example:8080")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> RemoteSandbox.at("https://127.0.0.1:8080")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> RemoteSandbox.at("http://127.0.0.1")).hasMessageContaining("127.0.0.1:<port>");
        assertThatThrownBy(() -> RemoteSandbox.at(" ")).hasMessageContaining("waapi.sandbox.url");
        assertThat(RemoteSandbox.at("http://localhost:8089/").getUrl()).isEqualTo("http://localhost:8089");
        assertThat(RemoteSandbox.at("http://[::1]:8089/api/v1/external").getUrl()).isEqualTo("http://[::1]:8089");
    }

    @Test
    void anUnreachableSandboxIsNamedInTheError() {
        int nobody = WaapiSandbox.freeLoopbackPort();
        assertThatThrownBy(() -> RemoteSandbox.at("http://127.0.0.1:" + nobody).getSentMessages())
                .hasMessageContaining("The WAAPI sandbox at http://127.0.0.1:" + nobody + " did not answer");
    }

    private String rawGet(String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sandbox/records/messages HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An exchange from a client address no test may send traffic from. */
    private static final class FakeExchange extends HttpExchange {

        private final InetSocketAddress remote;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status;

        FakeExchange(InetSocketAddress remote) {
            this.remote = remote;
            requestHeaders.set("Host", "127.0.0.1:40001");
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/sandbox/records/messages");
        }

        @Override
        public String getRequestMethod() {
            return "GET";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public OutputStream getResponseBody() {
            return body;
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) {
            status = rCode;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return remote;
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001);
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
