package com.easycrm4u.camel.waapi.operation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The API's JSON envelope ({@code success}, {@code data}) of a successful response, decoded only for its {@code data}:
 * the client has checked {@code success} already.
 *
 * @param <T> the model of the data
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class DataEnvelope<T> {

    private T data;

    DataEnvelope() {
    }

    T getData() {
        return data;
    }

    void setData(T data) {
        this.data = data;
    }
}
