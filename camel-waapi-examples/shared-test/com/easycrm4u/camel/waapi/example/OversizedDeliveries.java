package com.easycrm4u.camel.waapi.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every host of the webhook consumer (Camel Main, Spring Boot, Quarkus) must do with a body it must not buffer,
 * checked over a raw socket: an oversized Content-Length and a missing signature are answered without the body being
 * sent at all, and a chunked body of 256 MiB is cut off after little more than maxBodySize. Where the host read the
 * whole body first, the answer comes only after most of the 256 MiB went through (or never), and the check fails.
 */
public final class OversizedDeliveries {

    /** The chunked body a host must not buffer. */
    public static final long STREAMED = 256L * 1024 * 1024;
    /**
     * How much of it may have left the client when the answer arrives: maxBodySize (1 MiB by default) plus what the
     * kernel buffers of a loopback connection and the host's own small buffers hold (Tomcat swallows up to 2 MiB).
     */
    public static final long MOST_SENT_BEFORE_THE_ANSWER = 8L * 1024 * 1024;

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CHUNK = 64 * 1024;
    private static final String WELL_FORMED_SIGNATURE = "sha256=" + "0".repeat(64);

    private OversizedDeliveries() {
    }

    /** The three checks, against the webhook at this URL (a host on 127.0.0.1 with maxBodySize of at most 1 MiB). */
    public static void assertRefusedBeforeBuffering(URI webhook) {
        assertThat(statusWithoutSendingTheBody(webhook, "Content-Length: " + STREAMED, WELL_FORMED_SIGNATURE))
                .as("a Content-Length over maxBodySize is answered 413 without reading the body").isEqualTo(413);
        assertThat(statusWithoutSendingTheBody(webhook, "Transfer-Encoding: chunked", null))
                .as("a missing X-Hub-Signature-256 is answered 401 before the body is read").isEqualTo(401);
        assertThat(statusWithoutSendingTheBody(webhook, "Transfer-Encoding: chunked", "sha1=abc"))
                .as("a malformed X-Hub-Signature-256 is answered 401 before the body is read").isEqualTo(401);
        Streamed streamed = streamChunked(webhook, STREAMED);
        System.out.printf("%s: a 256 MiB chunked body was answered %d after %d bytes of it were sent%n", webhook,
                streamed.status(), streamed.sentBeforeTheAnswer());
        assertThat(streamed.status()).as("a chunked body over maxBodySize is answered 413").isEqualTo(413);
        assertThat(streamed.sentBeforeTheAnswer()).as("bytes of the 256 MiB body sent before the answer came")
                .isLessThan(MOST_SENT_BEFORE_THE_ANSWER);
    }

    /** The status of the answer to request headers whose body never follows. */
    static int statusWithoutSendingTheBody(URI webhook, String framingHeader, String signature) {
        try (Socket socket = connect(webhook)) {
            write(socket.getOutputStream(), head(webhook, framingHeader, signature));
            return readStatus(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to a chunked body of this size, and how much of it had been sent when the answer arrived. */
    static Streamed streamChunked(URI webhook, long size) {
        try (Socket socket = connect(webhook)) {
            AtomicLong sent = new AtomicLong();
            AtomicBoolean answered = new AtomicBoolean();
            OutputStream out = socket.getOutputStream();
            write(out, head(webhook, "Transfer-Encoding: chunked", WELL_FORMED_SIGNATURE));
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(out, size, sent, answered));
            int status = readStatus(socket);
            long sentBeforeTheAnswer = sent.get();
            answered.set(true);
            socket.close();
            sender.handle((ignored, failure) -> null).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return new Streamed(status, sentBeforeTheAnswer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status of the answer and the body bytes written before it arrived. */
    record Streamed(int status, long sentBeforeTheAnswer) {
    }

    private static void send(OutputStream out, long size, AtomicLong sent, AtomicBoolean answered) {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) ' ');
        byte[] chunkHead = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            while (sent.get() < size && !answered.get()) {
                out.write(chunkHead);
                out.write(chunk);
                out.write(crlf);
                sent.addAndGet(CHUNK);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closed) {
            // the host closed the connection after its answer: what the client would see too
        }
    }

    private static Socket connect(URI webhook) throws IOException {
        Socket socket = new Socket();
        // a small send buffer, so what was sent is close to what the host took in
        socket.setSendBufferSize(CHUNK);
        socket.connect(new java.net.InetSocketAddress(webhook.getHost(), webhook.getPort()), 5_000);
        socket.setSoTimeout((int) PATIENCE.toMillis());
        return socket;
    }

    private static String head(URI webhook, String framingHeader, String signature) {
        return "POST " + webhook.getRawPath() + " HTTP/1.1\r\n"
               + "Host: " + webhook.getHost() + ":" + webhook.getPort() + "\r\n"
               + "Content-Type: application/json\r\n"
               + "X-WAAPI-Event: messages\r\n"
               + (signature != null ? "X-Hub-Signature-256: " + signature + "\r\n" : "")
               + framingHeader + "\r\n\r\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status code of the status line, or fails when none comes within the patience. */
    private static int readStatus(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        try {
            String statusLine = in.readLine();
            assertThat(statusLine).as("an HTTP status line").isNotNull().startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + PATIENCE.toSeconds() + " s: the host waits for the body", e);
        }
    }
}
