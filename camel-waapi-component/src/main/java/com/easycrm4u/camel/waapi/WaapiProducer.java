package com.easycrm4u.camel.waapi;

import java.util.concurrent.CompletionException;

import com.easycrm4u.camel.waapi.client.WaapiClient;
import com.easycrm4u.camel.waapi.operation.WaapiOperation;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one API operation per exchange without blocking the caller's thread; the callback is completed exactly once,
 * on every path.
 */
public class WaapiProducer extends DefaultAsyncProducer {

    private final WaapiOperation operation;
    private WaapiClient client;

    public WaapiProducer(WaapiEndpoint endpoint, WaapiOperation operation) {
        super(endpoint);
        this.operation = operation;
    }

    @Override
    public WaapiEndpoint getEndpoint() {
        return (WaapiEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().createClient();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object request;
        try {
            request = operation.buildRequest(exchange, getEndpoint().getConfiguration(), getEndpoint().getObjectMapper());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        client.call(operation.method(), operation.path(), request).whenComplete((answer, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else {
                    operation.applyResult(exchange, answer, getEndpoint().getObjectMapper());
                }
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }
}
