package com.easycrm4u.camel.waapi.benchmarks.load;

/**
 * What one path did at one concurrency in one round.
 *
 * @param perSecond  requests completed per second
 * @param p50Millis  median latency
 * @param p99Millis  99th percentile latency
 * @param failures   requests that failed (a path that fails is not measured, it is broken)
 * @param bytesPerOp bytes allocated in this JVM per request, by all its threads
 */
public record Cell(double perSecond, double p50Millis, double p99Millis, long failures, double bytesPerOp) {
}
