package com.easycrm4u.camel.waapi.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreeLoopbackPortTest {

    @Test
    void thePortIsFreeAndOutsideTheRangeOfOutgoingConnectionsPorts() throws IOException {
        int port = SandboxServer.freeLoopbackPort();

        // Linux gives outgoing connections ports from 32768 on, Windows and macOS from 49152 on
        assertThat(port).isBetween(1024, 32767);
        try (ServerSocket receiver = new ServerSocket()) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(receiver.getLocalPort()).isEqualTo(port);
        }
    }
}
