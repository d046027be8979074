package com.easycrm4u.camel.waapi.webhook.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is written to System.err (where slf4j-simple logs) while an action runs.
 */
public final class StandardErrorCapture {

    public interface Action {
        void run() throws Exception;
    }

    private StandardErrorCapture() {
    }

    public static String capture(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }
}
