package com.easycrm4u.camel.waapi.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import com.easycrm4u.camel.waapi.WaapiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client makes of its transport's outcomes, on a transport that answers as told: every failure is a
 * {@link WaapiException} that says what to check, without a credential, and an answer is never left hanging.
 */
class WaapiClientTest {

    private static final String SECRET = "secr_TEST_SECRET_0815";
    private static final ClientOptions OPTIONS = new ClientOptions(
            "http://127.0.0.1:1/api/v1/external", "waapi_TEST_KEY", SECRET, Duration.ofSeconds(5), 0,
            Duration.ofSeconds(1), 1024);
    private static final Executor REJECTING = task -> {
        throw new RejectedExecutionException("the worker pool is shut down");
    };

    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void anAnswerArrivingWhileTheWorkerPoolShutsDownStillCompletesTheCall() {
        WaapiClient client = client(answering(200, "{\"success\": true, \"pong\": true}"), REJECTING);

        CompletableFuture<byte[]> call = client.call("GET", "/ping", null);

        assertThat(call).isCompletedWithValueMatching(
                body -> new String(body, StandardCharsets.UTF_8).contains("\"pong\": true"));
    }

    @Test
    void aBodyThatCannotBeWrittenAsJsonFailsTheCallAndNothingIsSent() {
        WaapiClient client = client(answering(200, "{}"), Runnable::run);

        CompletableFuture<byte[]> call = client.call("POST", "/whatsapp-api/messages/text", new Object());

        assertThat(call).isCompletedExceptionally();
        assertThat(failure(call)).isExactlyInstanceOf(WaapiException.class)
                .hasMessageContaining("POST /whatsapp-api/messages/text")
                .hasMessageContaining("cannot be written as JSON");
        assertThat(sent).hasValue(0);
    }

    @Test
    void aRequestTheTransportCannotBuildFailsWithoutQuotingWhatItThrew() {
        WaapiTransport throwing = (method, path, body) -> {
            throw new IllegalArgumentException("invalid header value: " + SECRET);
        };
        WaapiClient client = client(throwing, Runnable::run);

        CompletableFuture<byte[]> call = client.call("GET", "/ping", null);

        assertThat(call).isCompletedExceptionally();
        WaapiException e = failure(call);
        assertThat(e).hasMessageContaining("GET /ping: the request could not be built")
                .hasMessageContaining("IllegalArgumentException").hasMessageContaining("check baseUrl, apiKey and apiSecret")
                .hasNoCause();
        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void aSuccessfulStatusWithABrokenJsonArrayIsNotTakenForAResult() {
        WaapiClient client = client(answering(200, "[{\"id\": 1}, "), Runnable::run);

        CompletableFuture<byte[]> call = client.call("GET", "/whatsapp-qr/sessions", null);

        assertThat(call).isCompletedExceptionally();
        assertThat(failure(call)).hasMessageContaining("HTTP 200").hasMessageContaining("not JSON");
    }

    @Test
    void theApisOwnErrorShapeIsAnObjectWhoseSuccessIsFalseEvenWhenTheAnswerIsCutShort() {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"success\": false, \"error\": \"Internal error\"}"))).isTrue();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"error\": {\"a\": [1]}, \"success\": false}"))).isTrue();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"success\": false, \"error\": \"cut at maxRespon"))).isTrue();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"success\": true}"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"success\": \"false\"}"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"data\": {\"success\": false}}"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"message\": \"Internal server error\"}"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes("{\"error\": \"cut before its succ"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes("[{\"success\": false}]"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes("<html>502 Bad Gateway</html>"))).isFalse();
        assertThat(WaapiClient.isApiError(mapper, bytes(""))).isFalse();
    }

    @Test
    void printedOptionsHoldNeitherTheKeyNorTheSecret() {
        String printed = OPTIONS.toString();

        assertThat(printed).doesNotContain("waapi_TEST_KEY").doesNotContain(SECRET)
                .contains("baseUrl=http://127.0.0.1:1/api/v1/external").contains("apiKey=(set)")
                .contains("apiSecret=(set)").contains("requestTimeout=PT5S").contains("rateLimitRetries=0")
                .contains("maxRetryAfter=PT1S").contains("maxResponseSize=1024");
        assertThat(new ClientOptions("http://127.0.0.1:1", null, null, Duration.ofSeconds(1), 0, Duration.ZERO, 1)
                .toString()).contains("apiKey=none").contains("apiSecret=none");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private WaapiTransport answering(int status, String body) {
        return (method, path, payload) -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(
                    new ApiResponse(status, body.getBytes(StandardCharsets.UTF_8), false, null));
        };
    }

    private static WaapiClient client(WaapiTransport transport, Executor callbacks) {
        return new WaapiClient(transport, callbacks, new ObjectMapper(), OPTIONS, () -> {
        });
    }

    private static WaapiException failure(CompletableFuture<byte[]> call) {
        Throwable failure = call.handle((body, thrown) -> thrown).join();
        return (WaapiException) (failure instanceof CompletionException ? failure.getCause() : failure);
    }
}
