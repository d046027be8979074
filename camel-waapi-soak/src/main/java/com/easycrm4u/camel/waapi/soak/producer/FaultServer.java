package com.easycrm4u.camel.waapi.soak.producer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WAAPI stand-in on a loopback port that answers sends as its {@link FaultPlan} says, optionally after a delay, on
 * one thread with non-blocking sockets: ten thousand open connections cost no thread. It keeps HTTP/1.1 connections
 * alive like the real API and records every request in its {@link Ledger}.
 */
final class FaultServer implements AutoCloseable {

    private static final Pattern MESSAGE = Pattern.compile("(soak-\\d+)#(\\d+)");
    private static final long OVERSIZED_BYTES = 64L * 1024 * 1024;
    private static final int MAX_REQUEST = 1 << 20;
    private static final ByteBuffer FILLER;

    static {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        FILLER = ByteBuffer.wrap(spaces).asReadOnlyBuffer();
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final FaultPlan plan;
    private final long answerDelayMillis;
    private final Ledger ledger = new Ledger();
    private final AtomicLong answered = new AtomicLong();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>(Comparator.comparingLong(Delayed::due));
    private final Thread loop;
    private volatile boolean running = true;
    private long oversizedSent;

    private FaultServer(FaultPlan plan, long answerDelayMillis) throws IOException {
        this.plan = plan;
        this.answerDelayMillis = answerDelayMillis;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.loop = new Thread(this::run, "fault-server");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * @param answerDelayMillis how long every answer waits: a slow sink; 0 answers at once
     */
    static FaultServer start(FaultPlan plan, long answerDelayMillis) throws IOException {
        return new FaultServer(plan, answerDelayMillis);
    }

    int port() {
        return server.socket().getLocalPort();
    }

    Ledger ledger() {
        return ledger;
    }

    /** Answers written (or begun) so far, of any status. */
    long answered() {
        return answered.get();
    }

    private void run() {
        while (running) {
            try {
                Delayed next = delayed.peek();
                long wait = next == null ? 0 : Math.max(1, next.due() - System.currentTimeMillis());
                selector.select(wait);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key);
                }
                releaseDue();
            } catch (IOException e) {
                if (running) {
                    System.err.println("fault server: " + e);
                }
            }
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                accept();
                return;
            }
            Connection connection = (Connection) key.attachment();
            if (key.isReadable()) {
                read(connection);
            }
            if (key.isValid() && key.isWritable()) {
                write(connection);
            }
        } catch (IOException gone) {
            close(key);
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new Connection(key));
        }
    }

    private void read(Connection connection) throws IOException {
        int read = connection.channel().read(connection.in);
        if (read < 0) {
            close(connection.key);
            return;
        }
        Request request;
        while (!connection.waiting && (request = connection.nextRequest()) != null) {
            answer(connection, request);
        }
        if (!connection.in.hasRemaining()) {
            if (connection.in.capacity() >= MAX_REQUEST) {
                close(connection.key);
                return;
            }
            connection.grow();
        }
    }

    private void answer(Connection connection, Request request) throws IOException {
        if (request.path().endsWith("/stats")) {
            Ledger.Snapshot s = ledger.snapshot();
            send(connection, response(200, "{\"requests\": " + s.requests() + ", \"answered\": " + answered.get() + "}", null));
            return;
        }
        Matcher m = MESSAGE.matcher(request.body());
        String message = m.find() ? m.group(1) : null;
        int attempt = message != null ? Integer.parseInt(m.group(2)) : 0;
        Fault fault = plan.next();
        ledger.record(message, attempt, fault);
        switch (fault) {
            case SERVER_ERROR ->
                send(connection, response(500, "{\"success\": false, \"message\": \"Internal server error\"}", null));
            case RATE_LIMITED ->
                send(connection, response(429, "{\"success\": false, \"message\": \"Rate limit exceeded\"}", "1"));
            case RATE_LIMITED_NO_RETRY_AFTER -> send(connection,
                    response(429, "{\"success\": false, \"message\": \"Rate limit exceeded\"}", null));
            case RESET, RESET_UNPROCESSED -> reset(connection);
            case RESET_MID_ANSWER -> {
                byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
                               + "{\"success\": true, \"data\": {\"messageId\": \"wamid.")
                        .getBytes(StandardCharsets.ISO_8859_1);
                answered.incrementAndGet();
                connection.channel().write(ByteBuffer.wrap(head));
                reset(connection);
            }
            case PROXY_ERROR -> send(connection, response(503, "text/plain",
                    "upstream connect error or disconnect/reset before headers. reset reason: connection termination",
                    null));
            case NO_ANSWER -> connection.waiting = true;
            case OVERSIZED -> stream(connection);
            default -> {
                byte[] ok = response(200, "{\"success\": true, \"data\": {\"messageId\": \"wamid." + message + "-" + attempt
                                          + "\", \"status\": \"sent\", \"type\": \"text\"}}",
                        null);
                if (answerDelayMillis > 0) {
                    connection.waiting = true;
                    delayed.add(new Delayed(System.currentTimeMillis() + answerDelayMillis, connection, ok));
                } else {
                    send(connection, ok);
                }
            }
        }
    }

    private static void reset(Connection connection) throws IOException {
        connection.channel().setOption(StandardSocketOptions.SO_LINGER, 0);
        close(connection.key);
    }

    /** A 200 far over any sensible cap, by Content-Length or chunked, every other time. */
    private void stream(Connection connection) {
        boolean chunked = oversizedSent++ % 2 == 0;
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + OVERSIZED_BYTES) + "\r\n\r\n";
        connection.waiting = true;
        connection.streamRemaining = OVERSIZED_BYTES;
        connection.streamChunked = chunked;
        send(connection, head.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void send(Connection connection, byte[] bytes) {
        answered.incrementAndGet();
        connection.out.add(ByteBuffer.wrap(bytes));
        connection.key.interestOps(connection.key.interestOps() | SelectionKey.OP_WRITE);
    }

    private void write(Connection connection) throws IOException {
        while (true) {
            ByteBuffer head = connection.out.peek();
            if (head == null) {
                if (connection.streamRemaining <= 0) {
                    break;
                }
                connection.out.add(nextStreamChunk(connection));
                continue;
            }
            connection.channel().write(head);
            if (head.hasRemaining()) {
                return;
            }
            connection.out.poll();
        }
        connection.key.interestOps(SelectionKey.OP_READ);
        connection.waiting = false;
        // requests that arrived while this one was answered
        read(connection);
    }

    private ByteBuffer nextStreamChunk(Connection connection) {
        int size = (int) Math.min(FILLER.capacity(), connection.streamRemaining);
        connection.streamRemaining -= size;
        ByteBuffer chunk = FILLER.duplicate();
        chunk.limit(size);
        if (!connection.streamChunked) {
            return chunk;
        }
        byte[] framed = new byte[size + 16];
        byte[] hex = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.wrap(framed);
        out.put(hex).put(chunk).put("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (connection.streamRemaining == 0) {
            out.put("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flip();
        return out;
    }

    private void releaseDue() {
        long now = System.currentTimeMillis();
        while (!delayed.isEmpty() && delayed.peek().due() <= now) {
            Delayed due = delayed.poll();
            if (due.connection().key.isValid()) {
                send(due.connection(), due.response());
            }
        }
    }

    private static byte[] response(int status, String json, String retryAfter) {
        return response(status, "application/json", json, retryAfter);
    }

    private static byte[] response(int status, String type, String text, String retryAfter) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                      + "\r\n" + (retryAfter != null ? "Retry-After: " + retryAfter + "\r\n" : "") + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            close(key);
        }
        selector.close();
        server.close();
    }

    private record Delayed(long due, Connection connection, byte[] response) {
    }

    private record Request(String path, String body) {
    }

    /** One client connection: what it sent so far, what is still to write. */
    private static final class Connection {

        private final SelectionKey key;
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        /** An answer is pending (delayed, streaming or never coming): later requests wait. */
        private boolean waiting;
        private long streamRemaining;
        private boolean streamChunked;

        Connection(SelectionKey key) {
            this.key = key;
        }

        SocketChannel channel() {
            return (SocketChannel) key.channel();
        }

        void grow() {
            ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
            in.flip();
            bigger.put(in);
            in = bigger;
        }

        /** The next whole request in the buffer, removed from it; null until one is complete. */
        Request nextRequest() {
            byte[] data = in.array();
            int length = in.position();
            int headEnd = -1;
            for (int i = 3; i < length; i++) {
                if (data[i - 3] == '\r' && data[i - 2] == '\n' && data[i - 1] == '\r' && data[i] == '\n') {
                    headEnd = i + 1;
                    break;
                }
            }
            if (headEnd < 0) {
                return null;
            }
            String head = new String(data, 0, headEnd, StandardCharsets.ISO_8859_1);
            int contentLength = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (length < headEnd + contentLength) {
                return null;
            }
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            String[] parts = requestLine.split(" ");
            String body = new String(data, headEnd, contentLength, StandardCharsets.UTF_8);
            int consumed = headEnd + contentLength;
            System.arraycopy(data, consumed, data, 0, length - consumed);
            in.position(length - consumed);
            return new Request(parts.length > 1 ? parts[1] : "/", body);
        }
    }
}
