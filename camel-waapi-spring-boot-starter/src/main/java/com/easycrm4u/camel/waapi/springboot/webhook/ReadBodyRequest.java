package com.easycrm4u.camel.waapi.springboot.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The webhook request as the consumer gets it: its body is the bytes {@link WebhookBodyRead} received, in memory, so
 * the consumer (on platform-http's executor, after Spring MVC's own async timeout may have ended the request) never
 * reads from the connection. Each chunk is let go once read.
 */
final class ReadBodyRequest extends HttpServletRequestWrapper {

    private final Runnable onEnd;
    private Deque<byte[]> chunks;
    private ServletInputStream body;
    private BufferedReader reader;

    /** @param onEnd called once the body was read to its end or closed */
    ReadBodyRequest(HttpServletRequest request, Runnable onEnd) {
        super(request);
        this.onEnd = onEnd;
    }

    synchronized void setBody(List<byte[]> received) {
        this.chunks = new ArrayDeque<>(received);
    }

    @Override
    public synchronized ServletInputStream getInputStream() {
        if (chunks == null) {
            throw new IllegalStateException("the webhook body has not been received yet");
        }
        if (body == null) {
            body = new Received(chunks, onEnd);
        }
        return body;
    }

    @Override
    public synchronized BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private static final class Received extends ServletInputStream {

        private final Deque<byte[]> chunks;
        private final Runnable onEnd;
        private int position;
        private boolean ended;

        Received(Deque<byte[]> chunks, Runnable onEnd) {
            this.chunks = chunks;
            this.onEnd = onEnd;
        }

        @Override
        public synchronized int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            byte[] chunk = chunks.peekFirst();
            while (chunk != null && position == chunk.length) {
                chunks.pollFirst();
                position = 0;
                chunk = chunks.peekFirst();
            }
            if (chunk == null) {
                end();
                return -1;
            }
            int read = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, read);
            position += read;
            return read;
        }

        @Override
        public synchronized void close() {
            chunks.clear();
            end();
        }

        private void end() {
            if (!ended) {
                ended = true;
                onEnd.run();
            }
        }

        @Override
        public synchronized boolean isFinished() {
            return chunks.isEmpty() || chunks.size() == 1 && position == chunks.peekFirst().length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the webhook body is read already: read it blocking");
        }
    }
}
