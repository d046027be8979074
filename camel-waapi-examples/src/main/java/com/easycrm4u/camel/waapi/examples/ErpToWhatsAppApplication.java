package com.easycrm4u.camel.waapi.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.easycrm4u.camel.waapi.examples.erp.DeadLetters;
import com.easycrm4u.camel.waapi.examples.erp.DeliveryReport;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP to WhatsApp example: ships the order batch as order_shipped templates, receives the signed delivery statuses,
 * answers customers who write STATUS, writes a delivery report and ends when the batch is reported.
 * <p>
 * Without {@code WAAPI_BASE_URL} in the environment it starts the embedded WAAPI sandbox and wires itself to it; with
 * {@code WAAPI_BASE_URL}, {@code WAAPI_API_KEY}, {@code WAAPI_API_SECRET}, {@code WAAPI_FROM_PHONE_NO} and
 * {@code WAAPI_WEBHOOK_VERIFY_TOKEN} the same routes talk to a real WAAPI account (then point the key's webhook URL at
 * this application's {@code /waapi/webhook}, port {@code WAAPI_EXAMPLE_PORT}, default 8080).
 * <p>
 * With {@code -Dwaapi.sandbox.console=true} (or {@code --console}) the sandbox also serves its console, a web page that
 * shows what the routes sent and lets you answer as the customer; the application then keeps running until Ctrl-C.
 */
public final class ErpToWhatsAppApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ErpToWhatsAppApplication.class);

    /** Sends a customer's STATUS question in the sandbox demo: the first customer whose order was delivered. */
    static final String STATUS_QUESTION = "STATUS";

    private final Map<String, String> environment;
    private final Path workDir;
    private final boolean keepRunning;
    private final boolean console;

    private volatile WaapiSandbox sandbox;
    private DeliveryReport report;
    private volatile Main main;

    public ErpToWhatsAppApplication(Map<String, String> environment, Path workDir, boolean keepRunning) {
        this(environment, workDir, keepRunning, false);
    }

    /** @param console serve the sandbox console (and keep running, to use it) */
    public ErpToWhatsAppApplication(Map<String, String> environment, Path workDir, boolean keepRunning, boolean console) {
        this.environment = environment;
        this.workDir = workDir;
        this.keepRunning = keepRunning || console;
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(System.getProperty("example.work-dir", "target/erp-example"));
        boolean keepRunning = Boolean.getBoolean("example.keep-running")
                || java.util.Arrays.asList(args).contains("--keep-running");
        boolean console = Boolean.getBoolean("waapi.sandbox.console") || java.util.Arrays.asList(args).contains("--console");
        try (ErpToWhatsAppApplication application
                = new ErpToWhatsAppApplication(System.getenv(), workDir, keepRunning, console)) {
            application.run();
        }
    }

    /** Runs the example until the batch is reported (or until stopped, with keepRunning). */
    public void run() throws Exception {
        report = new DeliveryReport(workDir.resolve("delivery-report.json"));
        main = new Main();
        main.bind("orderBook", new OrderBook());
        main.bind("deadLetters", new DeadLetters());
        main.bind("deliveryReport", report);
        main.addOverrideProperty("example.inbox", workDir.resolve("inbox").toString());
        main.addOverrideProperty("example.dead-letter", workDir.resolve("dead-letter").toString());

        String baseUrl = environment.get("WAAPI_BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            startSandbox(main);
        } else {
            if (console) {
                LOG.warn("The sandbox console shows the embedded sandbox; with WAAPI_BASE_URL set there is none");
            }
            connectToWaapi(main, baseUrl);
        }
        if (!keepRunning) {
            report.onComplete(main::completed);
        }
        LOG.info("Orders are read from the shipped batch and from {}; the report is {}", workDir.resolve("inbox"),
                workDir.resolve("delivery-report.json"));
        main.run();
        LOG.info("Summary: {}", report.summary());
    }

    private void startSandbox(Main main) throws IOException {
        sandbox = WaapiSandbox.builder()
                .recipientWithoutWhatsApp(OrderBook.BATCH_RECIPIENT_WITHOUT_WHATSAPP)
                .console(console)
                .build()
                .start();
        // picked while the sandbox holds its port: picked before, the sandbox could be given the same free port
        int port = WaapiSandbox.freeLoopbackPort();
        sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(), "http://127.0.0.1:" + port + "/waapi/webhook");
        sandbox.camelProperties().forEach(main::addOverrideProperty);
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        // a customer whose order was delivered writes STATUS, which opens the 24-hour window for the reply
        report.expectReplies(1);
        report.onFirstStatus("delivered", order -> sandbox.injectText(order.get("phone").toString(),
                WaapiSandbox.DEFAULT_PHONE_NUMBER, STATUS_QUESTION));
        LOG.info("WAAPI sandbox started at {}; webhooks go to http://127.0.0.1:{}/waapi/webhook", sandbox.getBaseUrl(),
                port);
        if (console) {
            LOG.info("Open the sandbox console at {} to see the messages and answer as a customer; the application "
                     + "keeps running until Ctrl-C",
                    sandbox.getConsoleUrl());
        }
    }

    private void connectToWaapi(Main main, String baseUrl) {
        main.addOverrideProperty("camel.component.waapi.base-url", baseUrl);
        main.addOverrideProperty("camel.component.waapi.api-key", required("WAAPI_API_KEY"));
        main.addOverrideProperty("camel.component.waapi.api-secret", required("WAAPI_API_SECRET"));
        main.addOverrideProperty("camel.component.waapi.from-phone-no", required("WAAPI_FROM_PHONE_NO"));
        main.addOverrideProperty("camel.component.waapi.webhook-verify-token", required("WAAPI_WEBHOOK_VERIFY_TOKEN"));
        main.addOverrideProperty("camel.server.host", environment.getOrDefault("WAAPI_EXAMPLE_HOST", "0.0.0.0"));
        main.addOverrideProperty("camel.server.port", environment.getOrDefault("WAAPI_EXAMPLE_PORT", "8080"));
        LOG.info("Talking to WAAPI at {}", baseUrl);
    }

    private String required(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("WAAPI_BASE_URL is set, so " + name + " must be set too");
        }
        return value;
    }

    /** Ends a run that keeps running. */
    public void stop() {
        Main running = main;
        if (running != null) {
            running.completed();
        }
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The sandbox the run used, open until {@link #close()}; null when it talked to a real account. */
    public WaapiSandbox getSandbox() {
        return sandbox;
    }

    public DeliveryReport getReport() {
        return report;
    }
}
