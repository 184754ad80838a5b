package dev.vantage.validator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Names a network failure the way Let's Encrypt's validation errors do, so a subscriber reading
 * a Vantage error recognises the one they would get in production.
 */
final class NetworkFailures {
    static final String CONNECT_TIMEOUT = "Timeout during connect (likely firewall problem)";
    static final String READ_TIMEOUT = "Timeout after connect (your server may be slow or overloaded)";
    static final String REFUSED = "Connection refused";

    private NetworkFailures() {
    }

    /**
     * The problem for {@code failure}, its detail being {@code prefix} followed by the description.
     *
     * @param connecting true when the failure happened before the connection was open, which is
     *                   what tells a firewall's silent drop from a slow server
     */
    static ValidationProblem describe(String prefix, IOException failure, boolean connecting) {
        if (failure instanceof SSLException) {
            return new ValidationProblem(ProblemKind.TLS, prefix + "TLS error: " + failure.getMessage());
        }
        return new ValidationProblem(ProblemKind.CONNECTION, prefix + description(failure, connecting));
    }

    private static String description(IOException failure, boolean connecting) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (failure instanceof InterruptedIOException) {
            return connecting ? CONNECT_TIMEOUT : READ_TIMEOUT;
        }
        if (failure instanceof NoRouteToHostException) {
            return "No route to host";
        }
        if (failure instanceof ConnectException) {
            // Linux reports a SYN that was never answered as ETIMEDOUT rather than a Java timeout.
            return message.contains("timed out") ? CONNECT_TIMEOUT : REFUSED;
        }
        if (failure instanceof SocketException && message.contains("reset")) {
            return "Connection reset by peer";
        }
        if (failure instanceof SocketException && message.contains("unreachable")) {
            return "Network unreachable";
        }
        if (failure instanceof UnknownHostException) {
            return "No valid IP addresses found";
        }
        return "Error getting validation data";
    }
}
