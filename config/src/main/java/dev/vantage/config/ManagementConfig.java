package dev.vantage.config;

/**
 * The management API listener.
 *
 * @param listenAddress loopback by default: the API can reset the CA and move its clock
 * @param port          15000 like Pebble; 0 picks a free port
 * @param tls           HTTPS like Pebble's management interface (same TLS root as ACME)
 */
public record ManagementConfig(String listenAddress, int port, boolean tls) {

    public ManagementConfig {
        listenAddress = Check.ipLiteral("listenAddress", listenAddress);
        Check.port("port", port);
    }

    static ManagementConfig defaults() {
        return new ManagementConfig("127.0.0.1", 15000, true);
    }
}
