package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WAAPI Dev Service: the WAAPI sandbox in dev and test mode when no API key is configured. */
@ConfigMapping(prefix = "quarkus.camel.waapi.devservices")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface WaapiDevServicesConfig {

    /**
     * Whether to start the WAAPI sandbox in dev and test mode when {@code camel.component.waapi.api-key} is not
     * configured, and point the {@code waapi} component at it.
     */
    @WithDefault("true")
    boolean enabled();

    /** The sandbox's port; a free port when not set. */
    Optional<Integer> port();

    /**
     * Where the sandbox delivers its signed webhooks; by default the application's own {@code waapi:webhook} path
     * ({@code camel.component.waapi.path}) on {@code quarkus.http.port} (dev) or {@code quarkus.http.test-port} (test).
     */
    Optional<String> webhookUrl();

    /**
     * Whether the sandbox serves its console, the web page that shows what the routes sent and answers as the customer,
     * at {@code http://127.0.0.1:<port>/console} (logged at start); by default in dev mode, not in test mode.
     */
    Optional<Boolean> console();
}
