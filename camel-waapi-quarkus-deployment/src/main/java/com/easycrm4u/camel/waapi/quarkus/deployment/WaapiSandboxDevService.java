package com.easycrm4u.camel.waapi.quarkus.deployment;

import com.easycrm4u.camel.waapi.sandbox.WaapiSandbox;
import com.easycrm4u.camel.waapi.sandbox.WaapiSandboxBuilder;
import io.quarkus.deployment.builditem.Startable;

/** The WAAPI sandbox as a Quarkus Dev Service: in-process, no container. */
final class WaapiSandboxDevService implements Startable {

    private final Integer port;
    private final String webhookUrl;
    private final boolean console;
    private WaapiSandbox sandbox;

    WaapiSandboxDevService(Integer port, String webhookUrl, boolean console) {
        this.port = port;
        this.webhookUrl = webhookUrl;
        this.console = console;
    }

    @Override
    public void start() {
        WaapiSandboxBuilder builder = WaapiSandbox.builder();
        if (port != null) {
            builder.port(port);
        }
        // the sandbox logs the console's address as it starts
        sandbox = builder.console(console).build().start();
        if (webhookUrl != null) {
            sandbox.setWebhookUrl(sandbox.getPrimaryApiKey().getName(), webhookUrl);
        }
    }

    /** The sandbox's root URL, where its read-only records API is served. */
    String url() {
        return "http://127.0.0.1:" + sandbox.getPort();
    }

    String property(String name) {
        return sandbox.camelProperties().get(name);
    }

    @Override
    public String getConnectionInfo() {
        if (sandbox == null) {
            return "not started";
        }
        return sandbox.getBaseUrl() + (console ? ", console " + sandbox.getConsoleUrl() : "");
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
