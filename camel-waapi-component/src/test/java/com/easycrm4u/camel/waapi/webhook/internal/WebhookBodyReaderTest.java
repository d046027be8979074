package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The body bytes the signature is checked over, whatever form the HTTP host hands them over in, never more than
 * maxBodySize + 1 of them.
 */
class WebhookBodyReaderTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private Exchange request(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static byte[] bytes(Exchange request, long maxBodySize) throws Exception {
        WebhookBodyReader.Body body = WebhookBodyReader.read(request.getMessage(), limits(maxBodySize));
        return body.refusal() == WebhookOutcome.BODY_TOO_LARGE ? null : body.bytes();
    }

    private static WebhookLimits limits(long maxBodySize) {
        return new WebhookLimits(maxBodySize, Duration.ofSeconds(10), Long.MAX_VALUE / 2, 100);
    }

    @Test
    void bytesArePassedThroughUntouched() throws Exception {
        byte[] body = "{\"a\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(bytes(request(body), 100)).isSameAs(body);
        assertThat(bytes(request(body), body.length)).isSameAs(body);
        assertThat(bytes(request(body), body.length - 1)).isNull();
    }

    @Test
    void aStreamIsReadNoFurtherThanOneByteOverTheLimit() throws Exception {
        byte[] body = new byte[1000];
        InputStream stream = new ByteArrayInputStream(body);
        assertThat(bytes(request(stream), 10)).isNull();
        assertThat(stream.available()).isEqualTo(1000 - 11);
        assertThat(bytes(request(new ByteArrayInputStream(body)), 1000)).hasSize(1000);
    }

    @Test
    void aDecodedReaderIsReadNoFurtherThanOneCharacterOverTheLimit() throws Exception {
        StringReader reader = new StringReader("x".repeat(1000));
        assertThat(WebhookBodyReader.read(request(reader).getMessage(), limits(10)).refusal())
                .isEqualTo(WebhookOutcome.BODY_TOO_LARGE);
        assertThat(reader.read(new char[1000])).isEqualTo(1000 - 11);
        assertThat(bytes(request(new StringReader("caf\u00e9")), 100)).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDecodedTextBodyIsEncodedInItsCharset() throws Exception {
        Exchange exchange = request("caf\u00e9");
        assertThat(bytes(exchange, 100)).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        assertThat(bytes(exchange, 100)).isEqualTo(new byte[] { 'c', 'a', 'f', (byte) 0xe9 });
        assertThat(bytes(request(null), 100)).isEmpty();
    }

    @Test
    void aLongReaderIsReadInPiecesNoFurtherThanOneCharacterOverTheLimit() throws Exception {
        StringReader reader = new StringReader("x".repeat(20_000));
        assertThat(WebhookBodyReader.read(request(reader).getMessage(), limits(9_999)).refusal())
                .isEqualTo(WebhookOutcome.BODY_TOO_LARGE);
        assertThat(reader.read(new char[20_000])).isEqualTo(20_000 - 10_000);
        assertThat(bytes(request(new StringReader("y".repeat(9_000))), 9_000)).hasSize(9_000);
    }

    @Test
    void streamsBeingReadHoldNoMoreThanMaxUnverifiedBytesInTotal() throws Exception {
        WebhookLimits limits = new WebhookLimits(65_536, Duration.ofSeconds(30), 65_536, 100);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket received = server.accept()) {
            sender.getOutputStream().write(new byte[40_000]);
            sender.getOutputStream().flush();
            InputStream stream = received.getInputStream();
            CompletableFuture<WebhookBodyReader.Body> slow
                    = CompletableFuture.supplyAsync(() -> readUnchecked(request(stream), limits));
            await().until(() -> limits.unverifiedBytes() >= 40_000);

            WebhookBodyReader.Body refused
                    = WebhookBodyReader.read(request(new ByteArrayInputStream(new byte[100])).getMessage(), limits);
            assertThat(refused.refusal()).isEqualTo(WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED);

            sender.shutdownOutput();
            assertThat(slow.get(10, TimeUnit.SECONDS).bytes()).hasSize(40_000);
        }
        assertThat(limits.unverifiedBytes()).isZero();
        assertThat(bytes(request(new ByteArrayInputStream(new byte[100])), 65_536)).hasSize(100);
    }

    @Test
    void aStreamThatTricklesIsCutOffAtTheBodyReadTimeout() throws Exception {
        WebhookLimits limits = new WebhookLimits(65_536, Duration.ofMillis(200), 65_536, 100);
        // one byte a read, for ever: no single read waits long, the body never ends
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                buffer[offset] = 'x';
                return 1;
            }
        };
        assertThat(WebhookBodyReader.read(request(trickle).getMessage(), limits).refusal())
                .isEqualTo(WebhookOutcome.BODY_TIMEOUT);
        assertThat(limits.unverifiedBytes()).isZero();
    }

    @Test
    void aDecodedReaderCountsTwoBytesACharacterAgainstMaxUnverifiedBytes() throws Exception {
        WebhookLimits limits = new WebhookLimits(100, Duration.ofSeconds(10), 100, 100);
        assertThat(WebhookBodyReader.read(request(new StringReader("x".repeat(51))).getMessage(), limits).refusal())
                .isEqualTo(WebhookOutcome.UNVERIFIED_BYTES_EXCEEDED);
        assertThat(WebhookBodyReader.read(request(new StringReader("x".repeat(50))).getMessage(), limits).bytes())
                .hasSize(50);
        assertThat(limits.unverifiedBytes()).isZero();
    }

    @Test
    void aReaderThatWaitsPastTheBodyReadTimeoutIsClosedAndTheBodyRefused() throws Exception {
        WebhookLimits limits = new WebhookLimits(65_536, Duration.ofMillis(200), 65_536, 100);
        // a socket's reader: a waiting read ends when the reader is closed, by failing or with what it had
        for (boolean failsWhenClosed : new boolean[] { true, false }) {
            WaitingReader waiting = new WaitingReader(failsWhenClosed);
            assertThat(WebhookBodyReader.read(request(waiting).getMessage(), limits).refusal()).as("fails: " + failsWhenClosed)
                    .isEqualTo(WebhookOutcome.BODY_TIMEOUT);
            assertThat(waiting.closed).isTrue();
        }
        assertThat(limits.unverifiedBytes()).isZero();
    }

    @Test
    void aReaderThatFailsBeforeTheBodyReadTimeoutFailsTheReading() {
        Reader failing = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> WebhookBodyReader.read(request(failing).getMessage(), limits(100)))
                .isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    /** A reader whose read waits until it is closed, then fails or returns a character. */
    private static final class WaitingReader extends Reader {

        private final boolean failsWhenClosed;
        private final CountDownLatch closing = new CountDownLatch(1);
        private volatile boolean closed;

        WaitingReader(boolean failsWhenClosed) {
            this.failsWhenClosed = failsWhenClosed;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (failsWhenClosed) {
                throw new IOException("closed");
            }
            buffer[offset] = 'x';
            return 1;
        }

        @Override
        public void close() {
            closed = true;
            closing.countDown();
        }
    }

    private static WebhookBodyReader.Body readUnchecked(Exchange request, WebhookLimits limits) {
        try {
            return WebhookBodyReader.read(request.getMessage(), limits);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anyOtherBodyIsConvertedToBytesWithinTheLimit() throws Exception {
        byte[] body = "{\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(bytes(request(ByteBuffer.wrap(body)), 100)).isEqualTo(body);
        assertThat(bytes(request(ByteBuffer.wrap(body)), body.length - 1)).isNull();
    }

    @Test
    void aRefusalLeavesABodyThatIsNoUnreadRequestAlone() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Exchange read = request(body);
        WebhookBodyReader.leaveUnread(read.getMessage());
        assertThat(read.getMessage().getBody()).isSameAs(body);
        Exchange empty = request(null);
        WebhookBodyReader.leaveUnread(empty.getMessage());
        assertThat(empty.getMessage().getBody()).isNull();
    }
}
