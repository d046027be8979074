package com.easycrm4u.camel.waapi.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.easycrm4u.camel.waapi.WaapiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport over the user's {@code java.net.http.HttpClient}: a request the JDK refuses to build fails the call
 * with an exception that names what the JDK threw but not what it quoted.
 */
class JdkTransportTest {

    @Test
    void aHeaderValueTheJdkRefusesFailsTheCallWithoutQuotingIt() {
        String key = "waapi_KEY\nX-Injected: 1";
        JdkTransport transport = new JdkTransport(
                HttpClient.newHttpClient(), new ClientOptions(
                        "http://127.0.0.1:1/api", key, "secr_TEST_SECRET", Duration.ofSeconds(5), 0, Duration.ofSeconds(1),
                        1024));

        CompletableFuture<ApiResponse> call = transport.send("GET", "/ping", null);

        Throwable failure = call.handle((answer, thrown) -> thrown).join();
        failure = failure instanceof CompletionException ? failure.getCause() : failure;
        assertThat(failure).isExactlyInstanceOf(WaapiException.class)
                .hasMessageContaining("GET /ping: the request could not be built (java.lang.IllegalArgumentException)")
                .hasNoCause();
        assertThat(failure.getMessage()).doesNotContain("X-Injected");
    }
}
