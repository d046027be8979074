package com.easycrm4u.camel.waapi;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed call becomes, decided in one place: the kept answer body and its cut, and the never-sent failures found
 * however deep the transport wrapped them (within reason).
 */
class WaapiFailuresTest {

    private static final String CALL = "POST /whatsapp-api/messages/text";

    @Test
    void anAnswerBodyIsKeptWholeUpToTheLimitAndCutBeyondIt() {
        String atTheLimit = "x".repeat(WaapiFailures.MAX_KEPT_BODY);
        assertThat(WaapiFailures.keptBody(atTheLimit)).isSameAs(atTheLimit);
        assertThat(WaapiFailures.keptBody(atTheLimit + "yz"))
                .isEqualTo(atTheLimit + "… (2 more characters cut)");
        assertThat(WaapiFailures.keptBody(null)).isNull();

        WaapiException answered = WaapiFailures.answered(CALL, 500, "y".repeat(WaapiFailures.MAX_KEPT_BODY + 1),
                atTheLimit + "z", false, null);
        assertThat(answered.getApiMessage()).endsWith("… (1 more characters cut)");
        assertThat(answered.getResponseBody()).isEqualTo(atTheLimit + "… (1 more characters cut)");
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
}
