package com.easycrm4u.camel.waapi.soak.producer;

import java.util.SplittableRandom;

/**
 * Which fault each request meets, drawn from a seeded random source: the shares of issue 10's fault run by default.
 * Shares are in basis points (1/100 of a percent).
 */
final class FaultPlan {

    private final int serverErrors;
    private final int rateLimited;
    private final int resets;
    private final int noAnswers;
    private final int oversized;
    private final int resetsUnprocessed;
    private final int resetsMidAnswer;
    private final int proxyErrors;
    private final SplittableRandom random;

    FaultPlan(int serverErrors, int rateLimited, int resets, int noAnswers, int oversized, long seed) {
        this(serverErrors, rateLimited, resets, noAnswers, oversized, 0, 0, 0, seed);
    }

    private FaultPlan(int serverErrors, int rateLimited, int resets, int noAnswers, int oversized, int resetsUnprocessed,
                      int resetsMidAnswer, int proxyErrors, long seed) {
        this.serverErrors = serverErrors;
        this.rateLimited = rateLimited;
        this.resets = resets;
        this.noAnswers = noAnswers;
        this.oversized = oversized;
        this.resetsUnprocessed = resetsUnprocessed;
        this.resetsMidAnswer = resetsMidAnswer;
        this.proxyErrors = proxyErrors;
        this.random = new SplittableRandom(seed);
    }

    /** 5% HTTP 500, 2% 429 (half with Retry-After), 1% reset, 1% no answer, 0.05% oversized answers. */
    static FaultPlan issue10(long seed) {
        return new FaultPlan(500, 200, 100, 100, 5, seed);
    }

    /**
     * The send-once run: 5% HTTP 500 (the API's own), 2% 429 (half with Retry-After), 1% a proxy's 503, 1% reset before
     * the request is processed, 1% reset after, 0.5% reset in the middle of the answer, 1% no answer.
     */
    static FaultPlan sendOnce(long seed) {
        return new FaultPlan(500, 200, 100, 100, 0, 100, 50, 100, seed);
    }

    /** No request is ever answered: the sink of the crash proof. */
    static FaultPlan silent() {
        return new FaultPlan(0, 0, 0, 10_000, 0, 0);
    }

    /** Every request answered 200. */
    static FaultPlan none() {
        return new FaultPlan(0, 0, 0, 0, 0, 0);
    }

    /** Called on the server's one thread. */
    Fault next() {
        int roll = random.nextInt(10_000);
        int bound = serverErrors;
        if (roll < bound) {
            return Fault.SERVER_ERROR;
        }
        bound += rateLimited;
        if (roll < bound) {
            return roll % 2 == 0 ? Fault.RATE_LIMITED : Fault.RATE_LIMITED_NO_RETRY_AFTER;
        }
        bound += resets;
        if (roll < bound) {
            return Fault.RESET;
        }
        bound += noAnswers;
        if (roll < bound) {
            return Fault.NO_ANSWER;
        }
        bound += oversized;
        if (roll < bound) {
            return Fault.OVERSIZED;
        }
        bound += resetsUnprocessed;
        if (roll < bound) {
            return Fault.RESET_UNPROCESSED;
        }
        bound += resetsMidAnswer;
        if (roll < bound) {
            return Fault.RESET_MID_ANSWER;
        }
        bound += proxyErrors;
        if (roll < bound) {
            return Fault.PROXY_ERROR;
        }
        return Fault.NONE;
    }
}
