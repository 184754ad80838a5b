package dev.vantage.server;

import dev.vantage.config.ConfigException;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/** Starting Undertow listeners the same way for ACME, management and challtestsrv routes. */
final class Listeners {
    private Listeners() {
    }

    /**
     * Starts a listener; {@code tls} null means plain HTTP. A port that cannot be bound stops
     * startup with a message naming the setting ({@code key}) and the address.
     */
    static Undertow start(String key, String address, int port, SSLContext tls, HttpHandler handler) {
        Undertow.Builder b = Undertow.builder()
                .setIoThreads(2)
                .setWorkerThreads(16)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                // Bodies are received without a thread (see Pipeline); these bound what an idle or
                // half-sent request may hold: a connection, for a minute at most.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 60_000)
                .setHandler(handler);
        if (tls != null) {
            b.addHttpsListener(port, address, tls);
        } else {
            b.addHttpListener(port, address);
        }
        Undertow server = b.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new ConfigException(key, address + ":" + port, "cannot listen there: " + rootMessage(e));
        }
        return server;
    }

    /** The port a listener is bound to (the chosen one when configured as 0). */
    static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
