package com.easycrm4u.camel.waapi.sandbox;

/**
 * The error a {@code failed} status carries: Meta's code, its title and the details of {@code error_data}.
 *
 * @param code    Meta's error code, e.g. 131026
 * @param title   its title, e.g. {@code Message undeliverable}
 * @param details what {@code error_data.details} says
 */
record MetaError(int code, String title, String details) {

    static final String UNDELIVERABLE = "Message undeliverable";
}
