package com.easycrm4u.camel.waapi.operation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An answer read only for its {@code data}: the client has checked {@code success} already.
 *
 * @param <T> the model of the data
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class DataAnswer<T> {

    private T data;

    DataAnswer() {
    }

    T getData() {
        return data;
    }

    void setData(T data) {
        this.data = data;
    }
}
