package com.easycrm4u.camel.waapi.soak.producer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash proof of issue 22: a JVM sends a keyed text with a file-based send-once repository, the API reads the
 * request and never answers, and the JVM is killed while it waits. Another sender with the same repository file and the
 * same key makes no call: the outcome of the first is unknown, and stays so on every try.
 */
class SendOnceCrashTest {

    private static final String KEY = "order-SO-1005-shipped";

    private Process child;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aKeyWhoseSenderDiedMidSendIsNotSentAgain(@TempDir Path dir) throws Exception {
        try (FaultServer api = FaultServer.start(FaultPlan.silent(), 0)) {
            Path store = dir.resolve("send-once.dat");
            Path log = dir.resolve("child.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            child = new ProcessBuilder(
                    java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SendOnceCrashChild.class.getName(), String.valueOf(api.port()), store.toString(), KEY, "30000")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> api.ledger().snapshot().requests() == 1 || !child.isAlive());
            assertThat(child.isAlive()).as("the child waits for its answer: %s", read(log)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(read(log)).as("killed before any outcome").contains("SENDING " + KEY).doesNotContain("OUTCOME");

            // another sender (this JVM) on the same repository file
            IdempotentRepository repository = FileIdempotentRepository.fileIdempotentRepository(store.toFile());
            ServiceHelper.startService(repository);
            context = context(api.port(), repository, 1000);
            context.start();
            // until the dead sender's claim is old enough it reads as in flight (retryable); then as unknown, never free
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> outcome(send()) instanceof WaapiOutcomeUnknownException);
            Exchange again = send();

            assertThat(again.getException()).isInstanceOf(WaapiOutcomeUnknownException.class);
            assertThat(((WaapiException) again.getException()).isRetryable()).isFalse();
            assertThat(again.getMessage().getHeader(SendOnceRun.DUPLICATE_SEND)).isNotEqualTo(true);
            assertThat(api.ledger().snapshot().requests()).as("no call but the dead sender's").isEqualTo(1);
        }
    }

    private Exchange send() {
        return context.createProducerTemplate().send("direct:send", e -> {
            e.getMessage().setHeader(SendOnceRun.SEND_ONCE_KEY, KEY);
            e.getMessage().setBody("Order soak-1005#0 has shipped.");
        });
    }

    /**
     * The failure of a send: a send in flight elsewhere is retryable; anything else but an unknown outcome is wrong.
     */
    private static Exception outcome(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure instanceof WaapiOutcomeUnknownException
                || failure instanceof WaapiException && ((WaapiException) failure).isRetryable()) {
            return failure;
        }
        throw new AssertionError(
                "a send of a key whose sender died must not be made, nor be a duplicate: "
                                 + (failure != null
                                         ? failure : "sent, duplicate=" + exchange.getMessage()
                                                 .getHeader(SendOnceRun.DUPLICATE_SEND)));
    }

    /**
     * A context whose route {@code direct:send} sends one keyed text, not redelivered, to the API at {@code port}; no
     * rate-limit retries, so a claim outlives its send after twice {@code requestTimeoutMillis}.
     */
    static CamelContext context(int port, IdempotentRepository repository, long requestTimeoutMillis) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(SendOnceRun.REPOSITORY, repository);
        WaapiComponent waapi = FaultRun.waapi(port, requestTimeoutMillis);
        waapi.getConfiguration().setRateLimitRetries(0);
        context.addComponent("waapi", waapi);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").setHeader(WaapiConstants.TO, constant("917890000198"))
                        .to("waapi:cloud/text?sendOnceRepository=#" + SendOnceRun.REPOSITORY);
            }
        });
        return context;
    }

    private static String read(Path log) throws Exception {
        File file = log.toFile();
        return file.exists() ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
