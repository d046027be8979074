package com.easycrm4u.camel.waapi.soak.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The attackers of the hostile-load run, all on one thread over non-blocking sockets to 127.0.0.1: connections that
 * declare maxBodySize and send nothing, forged 1 MiB bodies (a well-formed, wrong signature), bodies trickled a few
 * bytes a second, and chunked bodies of {@code spellingBytes} to spellings of the webhook path that the exact path
 * check may miss. A connection the receiver closes is opened again while the attack lasts (a bounded number of times);
 * every connection is closed when it ends. Each connection's end is counted by what the receiver did: its status, or a
 * close without an answer.
 */
final class Attack {

    /** The spellings of {@code /waapi/webhook} that the host may route to the consumer. */
    static final List<String> SPELLINGS = List.of("/waapi/webhook;x=1", "/waapi/webhoo%6B", "/waapi/webhook/");

    private static final String PATH = "/waapi/webhook";
    private static final int OPENS_PER_TICK = 100;
    private static final int MOST_OPENS_PER_SLOT = 20;
    private static final int TRICKLE_BODY = 65_536;
    private static final int TRICKLE_BYTES = 16;
    private static final long TRICKLE_EVERY_NANOS = 1_000_000_000L;
    private static final int CHUNK = 65_536;

    enum Kind {
        IDLE("idle connections (Content-Length = maxBodySize, nothing sent)"),
        FORGED("forged 1 MiB bodies (wrong signature)"),
        TRICKLE("trickled bodies (16 bytes a second)"),
        SPELLING("path spellings, chunked bodies");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** A connection an attacker keeps up: opened again after the receiver closed it, within its bounds. */
    private final class Slot {
        final Kind kind;
        final int number;
        final String path;
        int opens;

        Slot(Kind kind, int number, String path) {
            this.kind = kind;
            this.number = number;
            this.path = path;
        }
    }

    private final class Connection {
        final Slot slot;
        final SocketChannel channel;
        final Deque<ByteBuffer> pending = new ArrayDeque<>();
        final ByteBuffer statusLine = ByteBuffer.allocate(12);
        long bodyLeft;
        long bodySent;
        long nextTrickle;
        String status;
        long sentWhenAnswered = -1;
        boolean ended;

        Connection(Slot slot, SocketChannel channel) {
            this.slot = slot;
            this.channel = channel;
        }
    }

    private final InetSocketAddress receiver;
    private final HostileSettings settings;
    private final ByteBuffer forgedBody;
    private final ByteBuffer chunk;
    private final ByteBuffer discard = ByteBuffer.allocate(16_384);
    private final Random random = new Random(21);
    private final Deque<Slot> toOpen = new ArrayDeque<>();
    private final List<Connection> open = new ArrayList<>();
    private final Map<Kind, Map<String, Integer>> outcomes = new LinkedHashMap<>();
    private final Map<Kind, Integer> opened = new LinkedHashMap<>();
    private final Map<String, String> spellings = new LinkedHashMap<>();
    private long ends;

    Attack(InetSocketAddress receiver, HostileSettings settings) {
        this.receiver = receiver;
        this.settings = settings;
        byte[] body = new byte[1_048_576];
        Arrays.fill(body, (byte) 'x');
        byte[] start = "{\"object\":\"whatsapp_business_account\",\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        this.forgedBody = ByteBuffer.wrap(body).asReadOnlyBuffer();
        byte[] data = new byte[CHUNK];
        Arrays.fill(data, (byte) 'y');
        this.chunk = ByteBuffer.wrap(data).asReadOnlyBuffer();
        for (Kind kind : Kind.values()) {
            outcomes.put(kind, new TreeMap<>());
            opened.put(kind, 0);
        }
    }

    /** Attacks for {@code duration} (or until {@code stop} says so), then closes every connection. */
    void run(Duration duration, BooleanSupplier stop) throws IOException {
        // the big bodies first, so that they reach a host whose threads the idle connections would take
        for (int i = 0; i < SPELLINGS.size(); i++) {
            toOpen.add(new Slot(Kind.SPELLING, i, SPELLINGS.get(i)));
        }
        for (int i = 0; i < settings.forged(); i++) {
            toOpen.add(new Slot(Kind.FORGED, i, PATH));
        }
        for (int i = 0; i < settings.tricklers(); i++) {
            toOpen.add(new Slot(Kind.TRICKLE, i, PATH));
        }
        for (int i = 0; i < settings.idle(); i++) {
            toOpen.add(new Slot(Kind.IDLE, i, PATH));
        }
        ends = System.nanoTime() + duration.toNanos();
        try (Selector selector = Selector.open()) {
            while (System.nanoTime() < ends && !stop.getAsBoolean()) {
                openSome(selector);
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key, (Connection) key.attachment());
                }
                selector.selectedKeys().clear();
                trickle();
            }
            for (Connection connection : List.copyOf(open)) {
                end(connection, "open when the attack stopped", false);
            }
        }
    }

    private void openSome(Selector selector) {
        for (int i = 0; i < OPENS_PER_TICK && !toOpen.isEmpty(); i++) {
            Slot slot = toOpen.poll();
            slot.opens++;
            opened.merge(slot.kind, 1, Integer::sum);
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                Connection connection = new Connection(slot, channel);
                request(connection);
                open.add(connection);
                channel.register(selector, channel.connect(receiver)
                        ? SelectionKey.OP_WRITE | SelectionKey.OP_READ
                        : SelectionKey.OP_CONNECT, connection);
            } catch (IOException e) {
                count(slot.kind, "could not connect");
            }
        }
    }

    /** The request line, the headers and (for a forged body) the body, as the connection is to send them. */
    private void request(Connection connection) {
        Slot slot = connection.slot;
        StringBuilder head = new StringBuilder("POST ").append(slot.path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(receiver.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("X-WAAPI-Event: messages\r\n")
                .append("X-WAAPI-Delivery: attack-").append(slot.kind.name().toLowerCase(Locale.ROOT)).append('-')
                .append(slot.number)
                .append("\r\n")
                .append("X-Hub-Signature-256: sha256=").append(wrongSignature()).append("\r\n");
        switch (slot.kind) {
            case IDLE -> head.append("Content-Length: ").append(settings.maxBodySize()).append("\r\n");
            case FORGED -> head.append("Content-Length: ").append(forgedBody.capacity()).append("\r\n");
            case TRICKLE -> head.append("Content-Length: ").append(TRICKLE_BODY).append("\r\n");
            case SPELLING -> head.append("Transfer-Encoding: chunked\r\n");
        }
        connection.pending.add(ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII)));
        if (slot.kind == Kind.FORGED) {
            connection.pending.add(forgedBody.duplicate());
        } else if (slot.kind == Kind.SPELLING) {
            connection.bodyLeft = settings.spellingBytes();
        } else if (slot.kind == Kind.TRICKLE) {
            connection.bodyLeft = TRICKLE_BODY;
            connection.nextTrickle = System.nanoTime() + TRICKLE_EVERY_NANOS;
        }
    }

    private String wrongSignature() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void handle(SelectionKey key, Connection connection) {
        if (connection.ended || !key.isValid()) {
            return;
        }
        try {
            if (key.isConnectable()) {
                connection.channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE | SelectionKey.OP_READ);
                return;
            }
            if (key.isReadable() && !read(connection)) {
                return;
            }
            if (key.isValid() && key.isWritable()) {
                write(connection);
                key.interestOps(connection.pending.isEmpty()
                        ? SelectionKey.OP_READ
                        : SelectionKey.OP_WRITE | SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            end(connection, connection.status != null ? null : "reset without an answer", true);
        }
    }

    /** Reads what the receiver answers; false when the connection ended. */
    private boolean read(Connection connection) throws IOException {
        while (true) {
            ByteBuffer into = connection.statusLine.hasRemaining() ? connection.statusLine : discard.clear();
            int read = connection.channel.read(into);
            if (read < 0) {
                end(connection, connection.status != null ? null : "closed without an answer", true);
                return false;
            }
            if (read == 0) {
                return true;
            }
            if (connection.status == null && !connection.statusLine.hasRemaining()) {
                connection.status = new String(connection.statusLine.array(), 9, 3, StandardCharsets.US_ASCII);
                connection.sentWhenAnswered = connection.bodySent;
                if (connection.slot.kind != Kind.SPELLING) {
                    // answered: this attacker is done with the connection
                    end(connection, null, true);
                    return false;
                }
            }
        }
    }

    private void write(Connection connection) throws IOException {
        refill(connection);
        while (!connection.pending.isEmpty()) {
            ByteBuffer next = connection.pending.peek();
            int written = connection.channel.write(next);
            if (connection.slot.kind != Kind.IDLE) {
                connection.bodySent += written;
            }
            if (next.hasRemaining()) {
                return;
            }
            connection.pending.poll();
            refill(connection);
        }
    }

    /** The next chunk of a chunked body, and its end. */
    private void refill(Connection connection) {
        if (connection.slot.kind != Kind.SPELLING || !connection.pending.isEmpty() || connection.bodyLeft < 0) {
            return;
        }
        if (connection.bodyLeft == 0) {
            connection.pending.add(ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            connection.bodyLeft = -1;
            return;
        }
        int size = (int) Math.min(CHUNK, connection.bodyLeft);
        connection.bodyLeft -= size;
        connection.pending.add(ByteBuffer.wrap((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        connection.pending.add(chunk.duplicate().limit(size));
        connection.pending.add(ByteBuffer.wrap("\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    private void trickle() {
        long now = System.nanoTime();
        for (Connection connection : List.copyOf(open)) {
            if (connection.slot.kind != Kind.TRICKLE || connection.ended || !connection.channel.isConnected()
                    || now < connection.nextTrickle || !connection.pending.isEmpty() || connection.bodyLeft <= 0) {
                continue;
            }
            connection.nextTrickle = now + TRICKLE_EVERY_NANOS;
            int size = (int) Math.min(TRICKLE_BYTES, connection.bodyLeft);
            connection.bodyLeft -= size;
            byte[] bytes = new byte[size];
            Arrays.fill(bytes, (byte) ' ');
            try {
                connection.channel.write(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                end(connection, connection.status != null ? null : "reset without an answer", true);
            }
        }
    }

    /**
     * Counts how the connection ended (its status when answered, else {@code how}), closes it and, while the attack
     * lasts, opens its slot again.
     */
    private void end(Connection connection, String how, boolean reopen) {
        if (connection.ended) {
            return;
        }
        connection.ended = true;
        open.remove(connection);
        try {
            connection.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Slot slot = connection.slot;
        count(slot.kind, connection.status != null ? "answered " + connection.status : how);
        if (slot.kind == Kind.SPELLING) {
            spellings.put(slot.path, (connection.status != null
                    ? connection.status + " after " + mebibytes(connection.sentWhenAnswered) + " MiB sent, "
                    : "no answer, ")
                                     + mebibytes(connection.bodySent) + " MiB taken in all" + (connection.status == null
                                             ? " (" + how + ")" : ""));
            return;
        }
        int mostOpens = slot.kind == Kind.FORGED ? settings.forgedEach() : MOST_OPENS_PER_SLOT;
        if (reopen && slot.opens < mostOpens && System.nanoTime() < ends) {
            toOpen.add(slot);
        }
    }

    private void count(Kind kind, String outcome) {
        outcomes.get(kind).merge(outcome, 1, Integer::sum);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** How the connections of each kind ended, e.g. {@code answered 401 ×500}. */
    Map<Kind, Map<String, Integer>> outcomes() {
        return outcomes;
    }

    /** Connections opened, per kind. */
    Map<Kind, Integer> opened() {
        return opened;
    }

    /** What each spelling of the path got: the answer, and how much of the body the receiver took. */
    Map<String, String> spellings() {
        return spellings;
    }
}
