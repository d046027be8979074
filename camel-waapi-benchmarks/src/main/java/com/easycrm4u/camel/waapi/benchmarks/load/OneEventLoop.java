package com.easycrm4u.camel.waapi.benchmarks.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A path written as a verticle would be: every request is started, and its answer read, on one event loop of its Vert.x
 * instance. A request started from any other thread is handed to that event loop first.
 */
public abstract class OneEventLoop implements Call {

    private final Context context;

    protected OneEventLoop(Vertx vertx) {
        this.context = vertx.getOrCreateContext();
    }

    @Override
    public final void start(Done done) {
        if (Vertx.currentContext() == context) {
            send(done);
        } else {
            context.runOnContext(ignored -> send(done));
        }
    }

    /** Starts the request, on the event loop. */
    protected abstract void send(Done done);
}
