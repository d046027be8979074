package com.easycrm4u.camel.waapi.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.easycrm4u.camel.waapi.sandbox.SandboxFaults.Fault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link SandboxFaults} decides for each request, without HTTP in between. */
class SandboxFaultsTest {

    private final SandboxFaults faults = new SandboxFaults(42);

    @Test
    void theDocumentedChainSetsEveryFaultOnTheSameObject() {
        SandboxFaults chained = faults.latency(Duration.ofMillis(300)).serverErrorRate(0.2).dropRate(0.1)
                .failNext(2).dropNext(1).rateLimitNext(1);

        assertThat(chained).isSameAs(faults);
        assertThat(faults.getLatency()).isEqualTo(Duration.ofMillis(300));
        assertThat(faults.getServerErrorRate()).isEqualTo(0.2);
        assertThat(faults.getDropRate()).isEqualTo(0.1);
        assertThat(faults).hasToString("SandboxFaults[latency=PT0.3S, serverErrorRate=0.2, dropRate=0.1, failNext=2, "
                                       + "dropNext=1, rateLimitNext=1]");
        assertThat(faults.clear()).isSameAs(faults);
        assertThat(faults).hasToString("SandboxFaults[latency=PT0S, serverErrorRate=0.0, dropRate=0.0, failNext=0, "
                                       + "dropNext=0, rateLimitNext=0]");
    }

    @Test
    void theCountedFaultsComeFirstDropsThenFailuresThenRateLimitsThenNothing() {
        faults.rateLimitNext(1).failNext(2).dropNext(1);

        assertThat(List.of(faults.next(), faults.next(), faults.next(), faults.next(), faults.next()))
                .containsExactly(Fault.DROP_CONNECTION, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.RATE_LIMITED,
                        Fault.NONE);
    }

    @Test
    void aNegativeCountMeansNone() {
        faults.failNext(-3).dropNext(-1).rateLimitNext(-2);

        assertThat(faults.next()).isEqualTo(Fault.NONE);
        assertThat(faults).hasToString("SandboxFaults[latency=PT0S, serverErrorRate=0.0, dropRate=0.0, failNext=0, "
                                       + "dropNext=0, rateLimitNext=0]");
    }

    @Test
    void sharesOfZeroAndOneAreAllowedAndMeanNeverAndAlways() {
        faults.serverErrorRate(0.0).dropRate(0.0);
        assertThat(decisions(faults, 50)).containsOnly(Fault.NONE);

        faults.serverErrorRate(1.0);
        assertThat(decisions(faults, 50)).containsOnly(Fault.SERVER_ERROR);

        faults.serverErrorRate(0.0).dropRate(1.0);
        assertThat(decisions(faults, 50)).containsOnly(Fault.DROP_CONNECTION);
    }

    @Test
    void sharesOutsideZeroToOneAreRefused() {
        for (double share : new double[] { -0.01, 1.01, Double.NaN }) {
            assertThatThrownBy(() -> faults.serverErrorRate(share)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a share must be between 0.0 and 1.0, not " + share);
            assertThatThrownBy(() -> faults.dropRate(share)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(faults.getServerErrorRate()).isZero();
        assertThat(faults.getDropRate()).isZero();
    }

    @Test
    void aLatencyMustBeZeroOrPositive() {
        assertThat(faults.latency(Duration.ZERO).getLatency()).isZero();
        assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency must be zero or positive");
        assertThatThrownBy(() -> faults.latency(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesSplitTheRequestsAndTheSameSeedRepeatsTheSameRun() {
        faults.dropRate(0.3).serverErrorRate(0.3);
        List<Fault> run = decisions(faults, 1000);

        assertThat(run).filteredOn(Fault.DROP_CONNECTION::equals).hasSizeBetween(230, 370);
        assertThat(run).filteredOn(Fault.SERVER_ERROR::equals).hasSizeBetween(230, 370);
        assertThat(run).filteredOn(Fault.NONE::equals).hasSizeBetween(330, 470);
        assertThat(decisions(new SandboxFaults(42).dropRate(0.3).serverErrorRate(0.3), 1000)).isEqualTo(run);
    }

    @Test
    void onlyTheInjectedErrorsRaiseAnAnswer() {
        Fault.NONE.raise();
        Fault.DROP_CONNECTION.raise();
        assertThatThrownBy(Fault.SERVER_ERROR::raise).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.status()).isEqualTo(500));
        assertThatThrownBy(Fault.RATE_LIMITED::raise).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers()).as("no Retry-After").isEmpty();
        });
    }

    private static List<Fault> decisions(SandboxFaults faults, int count) {
        List<Fault> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decisions.add(faults.next());
        }
        return decisions;
    }
}
