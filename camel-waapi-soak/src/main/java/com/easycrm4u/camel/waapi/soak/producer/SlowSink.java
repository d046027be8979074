package com.easycrm4u.camel.waapi.soak.producer;

import java.io.IOException;

/**
 * A WAAPI stand-in in a process of its own that answers every send 200 after a delay, for tests that hold more
 * connections in flight than one process may open files for both ends. Prints {@code PORT <n>}, serves until its
 * standard input closes. {@code GET <any path>/stats} tells how many requests it answered.
 * <p>
 * Arguments: the delay in milliseconds (default 1000).
 */
public final class SlowSink {

    private SlowSink() {
    }

    public static void main(String[] args) throws IOException {
        long delay = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        try (FaultServer server = FaultServer.start(FaultPlan.none(), delay)) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input or ends
            }
        }
    }
}
