package com.easycrm4u.camel.waapi.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import com.easycrm4u.camel.waapi.WaapiConnectionException;
import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiNotFoundException;
import com.easycrm4u.camel.waapi.WaapiOutcomeUnknownException;
import com.easycrm4u.camel.waapi.WaapiServerException;
import com.easycrm4u.camel.waapi.client.NotSentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed call becomes, decided in one place: the kept answer body and its cut, and the never-sent failures found
 * however deep the transport wrapped them (within reason).
 */
class WaapiFailuresTest {

    private static final String CALL = "POST /whatsapp-api/messages/text";
    private static final String API_ERROR = "{\"success\": false, \"error\": \"Internal error\"}";

    @Test
    void anAnswerBodyIsKeptWholeUpToTheLimitAndCutBeyondIt() {
        String atTheLimit = "x".repeat(WaapiFailures.MAX_KEPT_BODY);
        assertThat(WaapiFailures.keptBody(atTheLimit)).isSameAs(atTheLimit);
        assertThat(WaapiFailures.keptBody(atTheLimit + "yz"))
                .isEqualTo(atTheLimit + "… (2 more characters cut)");
        assertThat(WaapiFailures.keptBody(null)).isNull();

        WaapiException answered = WaapiFailures.answered(CALL, 500, "y".repeat(WaapiFailures.MAX_KEPT_BODY + 1),
                atTheLimit + "z", false, null, true);
        assertThat(answered.getApiMessage()).endsWith("… (1 more characters cut)");
        assertThat(answered.getResponseBody()).isEqualTo(atTheLimit + "… (1 more characters cut)");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 502, 504, 520, 527 })
    void aGatewaysStatusIsAnUnknownOutcomeEvenInTheApisShape(int status) {
        WaapiException e = WaapiFailures.answered(CALL, status, "Bad gateway", API_ERROR, false, null, true);

        assertThat(e).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                .hasMessageContaining("a gateway in front of the API answered");
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getApiMessage()).isEqualTo("Bad gateway");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 500, 503, 519, 528, 599 })
    void anyOtherFiveHundredIsRetryableInTheApisShapeAndUnknownInAnyOther(int status) {
        WaapiException api = WaapiFailures.answered(CALL, status, "Internal error", API_ERROR, false, null, true);
        WaapiException proxy = WaapiFailures.answered(CALL, status, null, "<html>" + status + "</html>", false, null, false);

        assertThat(api).isExactlyInstanceOf(WaapiServerException.class);
        assertThat(api.isRetryable()).isTrue();
        assertThat(proxy).isExactlyInstanceOf(WaapiOutcomeUnknownException.class)
                .hasMessageContaining("not the API's own error answer").hasMessageContaining("delivery webhook");
        assertThat(proxy.isRetryable()).isFalse();
        assertThat(proxy.getResponseBody()).isEqualTo("<html>" + status + "</html>");
    }

    @Test
    void aRequestTimeoutOrAClientErrorIsJudgedByItsStatusWhateverItsShape() {
        assertThat(WaapiFailures.answered(CALL, 408, null, "<html>408</html>", false, null, false))
                .isExactlyInstanceOf(WaapiServerException.class);
        assertThat(WaapiFailures.answered(CALL, 499, null, "<html>499</html>", false, null, false))
                .isExactlyInstanceOf(WaapiException.class);
        assertThat(WaapiFailures.answered(CALL, 404, null, "<html>404</html>", false, null, false))
                .isExactlyInstanceOf(WaapiNotFoundException.class);
    }

    @Test
    void aRefusedConnectionIsNeverSentHoweverItIsWrapped() {
        Throwable wrapped = new ConnectException("Connection refused");
        for (int i = 0; i < 15; i++) {
            wrapped = new IOException("layer " + i, wrapped);
        }

        WaapiException failure = WaapiFailures.transportFailure(CALL, wrapped, "127.0.0.1:1", Duration.ofSeconds(1));

        assertThat(failure).isExactlyInstanceOf(WaapiConnectionException.class)
                .hasMessage("WAAPI " + CALL + " was not sent: could not connect to 127.0.0.1:1 (IOException: layer 14); "
                            + "nothing reached the API, so sending it again is safe");
        assertThat(failure.isRetryable()).isTrue();
    }

    @Test
    void aCauseBuriedDeeperThanSixteenLevelsIsNotLookedFor() {
        Throwable buried = new ConnectException("Connection refused");
        for (int i = 0; i < 16; i++) {
            buried = new IOException("layer " + i, buried);
        }

        WaapiException failure = WaapiFailures.transportFailure(CALL, buried, "127.0.0.1:1", Duration.ofSeconds(1));

        // a connection failure cannot be told from a failure after sending: the safe answer is "unknown"
        assertThat(failure).isExactlyInstanceOf(WaapiOutcomeUnknownException.class);
        assertThat(failure.getMessage()).contains("failed after the request may have been sent (IOException: layer 15)");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        WaapiException failure = WaapiFailures.transportFailure(CALL, new ConnectException(), "127.0.0.1:1",
                Duration.ofSeconds(1));

        assertThat(failure.getMessage()).contains("could not connect to 127.0.0.1:1 (ConnectException);");
    }

    @Test
    void aRequestThatCannotBeBuiltIsNamedWithoutTheJdksMessageWhichMayQuoteACredential() {
        WaapiException failure = WaapiFailures.requestNotBuilt(CALL,
                new IllegalArgumentException("invalid header value: secret-api-key\n"));

        assertThat(failure).isExactlyInstanceOf(WaapiException.class).hasNoCause()
                .hasMessage("WAAPI " + CALL + ": the request could not be built (java.lang.IllegalArgumentException); "
                            + "check baseUrl, apiKey and apiSecret for characters an HTTP request cannot carry");
        assertThat(failure.isRetryable()).isFalse();
    }

    @Test
    void aBodyThatCannotBeWrittenAsJsonSaysWhy() {
        IllegalStateException cause = new IllegalStateException("no serializer for Foo");

        WaapiException failure = WaapiFailures.requestNotSerializable(CALL, cause);

        assertThat(failure).hasMessage("WAAPI " + CALL + ": the request body cannot be written as JSON: no serializer for Foo")
                .hasCause(cause);
        assertThat(failure.isRetryable()).isFalse();
    }

    @Test
    void aWaapiExceptionTheTransportAlreadyChoseIsKept() {
        WaapiException chosen = WaapiFailures.notSent(CALL, "closed", null);

        assertThat(WaapiFailures.transportFailure(CALL, new CompletionException(chosen), "127.0.0.1:1",
                Duration.ofSeconds(1))).isSameAs(chosen);
    }

    @Test
    void anUnresolvedHostAndAJdkConnectTimeoutAreNeverSent() {
        WaapiException unresolved = WaapiFailures.transportFailure(CALL,
                new CompletionException(new IOException("lookup", new UnknownHostException("api.example"))),
                "api.example:443", Duration.ofSeconds(1));
        assertThat(unresolved).isExactlyInstanceOf(WaapiConnectionException.class)
                .hasMessageContaining("was not sent: the host of api.example:443 could not be resolved;");

        WaapiException timedOut = WaapiFailures.transportFailure(CALL,
                new HttpConnectTimeoutException("HTTP connect timed out"), "127.0.0.1:1", Duration.ofSeconds(1));
        assertThat(timedOut).isExactlyInstanceOf(WaapiConnectionException.class)
                .hasMessageContaining("was not sent: could not connect to 127.0.0.1:1 within the connect timeout;");
        assertThat(timedOut.isRetryable()).isTrue();
    }

    @Test
    void aTransportsNotSentWordIsTakenWithItsReasonOrItsCause() {
        WaapiException withReason = WaapiFailures.transportFailure(CALL,
                new NotSentException("no connection to 127.0.0.1:1 became free within 1000 ms (requestTimeout)", null),
                "127.0.0.1:1", Duration.ofSeconds(1));
        assertThat(withReason).isExactlyInstanceOf(WaapiConnectionException.class)
                .hasMessage("WAAPI " + CALL + " was not sent: no connection to 127.0.0.1:1 became free within 1000 ms "
                            + "(requestTimeout); nothing reached the API, so sending it again is safe");

        IOException closed = new IOException("Pool closed");
        WaapiException byCause = WaapiFailures.transportFailure(CALL, new NotSentException(null, closed), "127.0.0.1:1",
                Duration.ofSeconds(1));
        assertThat(byCause).isExactlyInstanceOf(WaapiConnectionException.class).hasCause(closed)
                .hasMessageContaining("was not sent: no connection to 127.0.0.1:1 could be had (IOException: Pool closed);");
    }
}
