package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The sandbox's lifecycle: the JDK HTTP server on a loopback port, the pool that serves requests and webhook answers,
 * the pool that makes webhook calls, and the scheduler of status updates and webhook retries. Started once, closed for
 * good.
 */
final class SandboxServer {

    static final int FIRST_PICKED_PORT = 20000;
    static final int LAST_PICKED_PORT = 32000;

    private final int requestedPort;
    private final ExecutorService httpExecutor = Executors.newCachedThreadPool(daemonThreads("waapi-sandbox-http"));
    private final ExecutorService webhookCalls = Executors.newCachedThreadPool(daemonThreads("waapi-sandbox-webhook-delivery"));
    private final ScheduledExecutorService scheduler
            = Executors.newScheduledThreadPool(1, daemonThreads("waapi-sandbox-webhooks"));
    private HttpServer server;
    private boolean closed;

    SandboxServer(int requestedPort) {
        this.requestedPort = requestedPort;
    }

    ExecutorService httpExecutor() {
        return httpExecutor;
    }

    ExecutorService webhookCalls() {
        return webhookCalls;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Serves the handler on 127.0.0.1; false when it was serving already. */
    synchronized boolean start(HttpHandler handler) {
        return start(handler, null, null);
    }

    /** Serves the handler on 127.0.0.1, and {@code extra} (when not null) under the path {@code extraPath}. */
    synchronized boolean start(HttpHandler handler, String extraPath, HttpHandler extra) {
        if (closed) {
            throw new IllegalStateException("this WAAPI sandbox is closed; build a new one");
        }
        if (server != null) {
            return false;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
            created.createContext("/", handler);
            if (extra != null) {
                created.createContext(extraPath, extra);
            }
            created.setExecutor(httpExecutor);
            created.start();
            server = created;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("The WAAPI sandbox cannot listen on port " + requestedPort, e);
        }
    }

    synchronized boolean isStarted() {
        return server != null;
    }

    synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the WAAPI sandbox is not started; call start() first");
        }
        return server.getAddress().getPort();
    }

    synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            server = null;
        }
        scheduler.shutdownNow();
        webhookCalls.shutdownNow();
        httpExecutor.shutdownNow();
    }

    /**
     * A port nobody listens on now, on 127.0.0.1, for a receiver that binds it later. Picked below the ranges the
     * operating systems give outgoing connections their local ports from (Linux 32768-60999, Windows and macOS from
     * 49152): a port from there can be taken by any connection of any process before the receiver binds it.
     */
    static int freeLoopbackPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_PICKED_PORT, LAST_PICKED_PORT + 1);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
