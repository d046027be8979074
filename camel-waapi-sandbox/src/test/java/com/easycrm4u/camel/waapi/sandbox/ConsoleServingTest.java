package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.easycrm4u.camel.waapi.sandbox.console.SandboxConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * How the console is served: off unless asked, its files with headers that keep a browser safe, nothing outside its
 * folder, actions only from its own page, and an event stream that follows the state and frees its thread when the page
 * goes away.
 */
class ConsoleServingTest {

    private static final String CUSTOMER = "+917890000198";

    private WaapiSandbox sandbox;

    private ConsoleClient start(WaapiSandboxBuilder builder) {
        sandbox = builder.build().start();
        return new ConsoleClient(sandbox);
    }

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theConsoleIsOffUnlessAsked() {
        ConsoleClient console = start(WaapiSandbox.builder());
        assertThatThrownBy(sandbox::getConsoleUrl).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("console(true)");
        assertThat(console.get("/console").status()).isEqualTo(404);
        assertThat(console.get("/console/api/state").status()).isEqualTo(404);
    }

    @Test
    void theJUnitExtensionStartsItOnlyWhenAsked() {
        WaapiSandboxExtension plain = new WaapiSandboxExtension();
        WaapiSandboxExtension withConsole = new WaapiSandboxExtension().withConsole();
        try {
            assertThatThrownBy(plain.getSandbox()::getConsoleUrl).isInstanceOf(IllegalStateException.class);
            String url = withConsole.getSandbox().getConsoleUrl();
            assertThat(url).isEqualTo("http://127.0.0.1:" + withConsole.getSandbox().getPort() + "/console");
            assertThat(new ConsoleClient(withConsole.getSandbox()).get("/console").status()).isEqualTo(200);
        } finally {
            plain.getSandbox().close();
            withConsole.getSandbox().close();
        }
    }

    @Test
    void thePageIsServedWithHeadersThatKeepTheBrowserSafe() {
        ConsoleClient console = start(WaapiSandbox.builder().console(true));
        assertThat(sandbox.getConsoleUrl()).isEqualTo("http://127.0.0.1:" + sandbox.getPort() + "/console");
        for (String path : List.of("/console", "/console/", "/console/index.html")) {
            ConsoleClient.Answer page = console.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(page.body()).contains("<html");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self';")
                    .contains("script-src 'self';").doesNotContain("unsafe-inline");
        }
        ConsoleClient.Answer state = console.get("/console/api/state");
        assertThat(state.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(state.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void nothingOutsideTheConsolesFilesIsServed() {
        ConsoleClient console = start(WaapiSandbox.builder().console(true));
        for (String path : List.of("/console/../api/v1/external/ping", "/console/%2e%2e/%2e%2e/etc/passwd",
                "/console/..%2fSandboxConsole.class", "/console/SandboxConsole.class", "/console/.index.html",
                "/console/sub/index.html", "/console/index.html%00.css", "/console/nothing.css",
                "/consoleX", "/console/api/../index.html")) {
            ConsoleClient.Answer answer = console.get(path);
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("<html", "\u00ca\u00fe\u00ba\u00be");
        }
    }

    @Test
    void actionsAreRefusedUnlessJsonFromTheConsolesOwnPage() throws IOException {
        ConsoleClient console = start(WaapiSandbox.builder().console(true));
        String reply = "{\"customer\":\"" + CUSTOMER + "\",\"text\":\"hi\"}";
        String path = "/console/api/reply";

        ConsoleClient.Answer otherSite = console.post(path, reply, "application/json", "https://evil.example");
        assertThat(otherSite.status()).isEqualTo(403);
        assertThat(otherSite.json().get("error").asText()).contains("https://evil.example", console.origin());
        assertThat(console.post(path, reply, "application/json", "http://localhost:" + sandbox.getPort()).status())
                .as("another origin of the same server").isEqualTo(403);
        assertThat(console.post(path, reply, "application/json", "null").status()).isEqualTo(403);
        ConsoleClient.Answer form = console.post(path, reply, "text/plain", console.origin());
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.json().get("error").asText()).contains("application/json");
        assertThat(console.post(path, reply, null, null).status()).isEqualTo(403);
        assertThat(sandbox.getInboundMessages()).isEmpty();

        assertThat(console.post(path, reply, "application/json; charset=UTF-8", null).status())
                .as("no Origin: not from a page (curl, a test)").isEqualTo(202);
        assertThat(console.post(path, reply, "application/json", console.origin()).status()).isEqualTo(202);
        assertThat(sandbox.getInboundMessages()).hasSize(2);

        assertThat(rawRequest("GET /console/api/state HTTP/1.1\r\nHost: attacker.example:" + sandbox.getPort()
                              + "\r\nConnection: close\r\n\r\n"))
                .as("a rebound DNS name").startsWith("HTTP/1.1 403");
        assertThat(rawRequest("GET /console/api/state HTTP/1.1\r\nHost: localhost:" + sandbox.getPort()
                              + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void theEventStreamAnnouncesEachChangeAndFreesItsThreadWhenThePageGoesAway() {
        WaapiSandboxBuilder builder = WaapiSandbox.builder().console(true);
        builder.consoleHeartbeat = Duration.ofMillis(200);
        ConsoleClient console = start(builder);

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.origin() + "/console/api/events")).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = console.http().sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.join();
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (UncheckedIOException closedByTheTest) {
                lines.add("(closed)");
            }
        });
        reader.setDaemon(true);
        reader.start();

        await().until(() -> lines.contains("event: state"));
        long first = console.state().get("version").asLong();
        assertThat(lines).contains("data: {\"version\":" + first + "}");

        sandbox.injectText(CUSTOMER, WaapiSandbox.DEFAULT_PHONE_NUMBER, "hello");
        await().untilAsserted(() -> assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("data: \\{\"version\":(\\d+)}").isNotEqualTo("data: {\"version\":" + first + "}")));
        assertThat(console.state().get("version").asLong()).isGreaterThan(first);
        await().until(() -> lines.contains(": heartbeat"));
        assertThat(streamThreads()).isEqualTo(1);

        stream.body().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> streamThreads() == 0);
    }

    @Test
    void closingTheSandboxEndsTheEventStreams() {
        ConsoleClient console = start(WaapiSandbox.builder().console(true));
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.origin() + "/console/api/events")).GET().build();
        console.http().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).join();
        await().until(() -> streamThreads() == 1);
        sandbox.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> streamThreads() == 0);
    }

    /** The threads streaming console events now. */
    private static long streamThreads() {
        return Thread.getAllStackTraces().values().stream().filter(frames -> Stream.of(frames)
                .anyMatch(f -> f.getClassName().endsWith("console.ConsoleEvents") && f.getMethodName().equals("stream")))
                .count();
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theConsolePathIsTheDocumentedOne() {
        assertThat(SandboxConsole.PATH).isEqualTo("/console");
    }
}
