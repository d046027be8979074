package com.easycrm4u.camel.waapi.sandbox;

/**
 * How much of an API key's quotas the requests of the last minute and hour used.
 *
 * @param apiKeyName     the key's name
 * @param perMinute      requests allowed per minute (0: no limit)
 * @param usedLastMinute requests counted in the last minute
 * @param perHour        requests allowed per hour (0: no limit)
 * @param usedLastHour   requests counted in the last hour (only the newest {@code max(perMinute, perHour)} are kept)
 */
public record QuotaUsage(String apiKeyName, int perMinute, int usedLastMinute, int perHour, int usedLastHour) {
}
