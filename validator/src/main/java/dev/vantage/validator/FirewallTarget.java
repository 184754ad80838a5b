package dev.vantage.validator;

import dev.vantage.config.FirewallService;
import java.net.InetAddress;

/**
 * Where a validation connection goes, as a firewall sees it.
 *
 * @param name    the host name (or IP literal) being contacted: the identifier, or an http-01
 *                redirect's host
 * @param address the resolved address about to be contacted
 * @param port    the port about to be contacted
 * @param service what the connection is for
 */
public record FirewallTarget(String name, InetAddress address, int port, FirewallService service) {

    public FirewallTarget {
        if (name == null || address == null || service == null) {
            throw new IllegalArgumentException("a firewall target needs a name, an address and a service");
        }
    }
}
