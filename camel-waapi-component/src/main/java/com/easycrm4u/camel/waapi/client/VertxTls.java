package com.easycrm4u.camel.waapi.client;

import java.util.List;

import javax.net.ssl.SSLContext;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

/**
 * Vert.x's TLS on a JDK {@link SSLContext} as it is, for example the one Camel's {@code SSLContextParameters} create:
 * its key and trust managers, and the protocols and cipher suites its engines enable, are used, not Vert.x's own key
 * and trust store options.
 */
public final class VertxTls extends JdkSSLEngineOptions {

    private final SSLContext sslContext;

    public VertxTls(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Factory(sslContext);
    }

    @Override
    public JdkSSLEngineOptions copy() {
        // the SSLContext is shared, as Vert.x shares its own
        return new VertxTls(sslContext);
    }

    private static final class Factory implements SslContextFactory {

        private final SSLContext sslContext;
        private boolean useAlpn;
        private List<String> applicationProtocols;

        Factory(SSLContext sslContext) {
            this.sslContext = sslContext;
        }

        @Override
        public SslContextFactory useAlpn(boolean useAlpn) {
            this.useAlpn = useAlpn;
            return this;
        }

        @Override
        public SslContextFactory applicationProtocols(List<String> applicationProtocols) {
            this.applicationProtocols = applicationProtocols;
            return this;
        }

        @Override
        public SslContext create() {
            ApplicationProtocolConfig alpn = useAlpn && applicationProtocols != null && !applicationProtocols.isEmpty()
                    ? new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.FATAL_ALERT,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.FATAL_ALERT, applicationProtocols)
                    : ApplicationProtocolConfig.DISABLED;
            // no cipher suites or protocols of our own: those the context's engines enable by default
            return new JdkSslContext(
                    sslContext, true, null, IdentityCipherSuiteFilter.INSTANCE, alpn, ClientAuth.NONE,
                    null, false);
        }
    }
}
