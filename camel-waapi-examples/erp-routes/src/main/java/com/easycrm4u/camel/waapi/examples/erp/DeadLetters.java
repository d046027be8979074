package com.easycrm4u.camel.waapi.examples.erp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.easycrm4u.camel.waapi.WaapiException;
import com.easycrm4u.camel.waapi.WaapiValidationException;

/**
 * The dead-letter record of an order that could not be sent: the order and why.
 */
public class DeadLetters {

    public Map<String, Object> record(Object order, Exception error) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("order", order);
        record.put("failedAt", Instant.now().toString());
        record.put("error", error.getClass().getSimpleName());
        record.put("message", error.getMessage());
        if (error instanceof WaapiValidationException) {
            record.put("field", ((WaapiValidationException) error).getField());
        } else if (error instanceof WaapiException) {
            WaapiException api = (WaapiException) error;
            record.put("httpStatus", api.getStatusCode());
            record.put("metaErrorCode", api.getMetaErrorCode());
            record.put("retryable", api.isRetryable());
        }
        return record;
    }
}
