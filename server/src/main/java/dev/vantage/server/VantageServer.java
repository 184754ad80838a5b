package dev.vantage.server;

import dev.vantage.config.ConfigException;
import dev.vantage.config.ConfigLoader;
import dev.vantage.config.VantageConfig;
import dev.vantage.server.ca.CertificateAuthority;
import dev.vantage.server.ca.TlsIdentity;
import dev.vantage.server.http.AcmeApi;
import dev.vantage.server.management.ManagementApi;
import dev.vantage.server.service.AuthorizationCache;
import dev.vantage.server.service.Profiles;
import dev.vantage.server.service.Services;
import dev.vantage.server.service.ValidationHistory;
import dev.vantage.server.store.AuthzReusePolicy;
import dev.vantage.server.time.AdjustableClock;
import dev.vantage.validator.ChallengeValidator;
import dev.vantage.validator.SimulatedNetwork;
import dev.vantage.validator.dns.DnsRecords;
import dev.vantage.validator.dns.MockDnsServer;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A running Vantage: the ACME server, its CA, the management API and the embedded DNS server, in
 * this JVM. Start one with {@link #builder()}; {@link #close()} frees every port and thread.
 *
 * <pre>{@code
 * try (VantageServer ca = VantageServer.builder().start()) {
 *     URI directory = ca.directory();
 * }
 * }</pre>
 */
public final class VantageServer implements AutoCloseable {
    private final VantageConfig config;
    private final Services services;
    private final CertificateAuthority ca;
    private final TlsIdentity tls;
    private final DnsRecords dnsRecords;
    private final MockDnsServer dns;
    private final ExecutorService workers;
    private final SimulatedNetwork network;
    private final ChallengeValidator validator;
    private final Undertow acme;
    private final Undertow management;
    private final Undertow challtestsrv;
    private final Path trustFile;
    private Path trustStore;

    /** The password of {@link #trustStore()}. */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private VantageServer(VantageConfig config) {
        this.config = config;
        SecureRandom random = new SecureRandom();
        Random chaos = new Random(config.faults().seed());
        AdjustableClock clock = AdjustableClock.system();
        this.ca = CertificateAuthority.generate(config.ca(), clock, random);
        this.tls = TlsIdentity.of(config.acme(), Trust.NAMES, Trust.addresses(config), Clock.systemUTC(), random);
        this.dnsRecords = new DnsRecords(config.dns().defaultIpv4(), config.dns().defaultIpv6());
        this.dns = config.dns().embedded() ? startDns(config) : null;
        this.workers = Executors.newFixedThreadPool(config.validation().workers(), daemonThreads("vantage-validation"));
        this.network = new SimulatedNetwork(config.perspectives(), config.firewall());
        try {
            this.validator = new ChallengeValidator(config.validation(), resolverAddress(), clock, network,
                    config.ca().caaIdentities());
            this.services = Services.assemble(config, clock, random, chaos, validator, workers, ca);
            this.acme = Listeners.start("acme.port", config.acme().listenAddress(), config.acme().port(), tls.serverContext(),
                    new AcmeApi(config.acme(), config.ca(), services).handler());
            this.management = Listeners.start("management.port", config.management().listenAddress(), config.management().port(),
                    config.management().tls() ? tls.serverContext() : null,
                    new ManagementApi(services, ca, tls.rootPem(), dnsRecords, dns, network, this::reset).handler());
            int challtestsrvPort = config.dns().challtestsrvPort();
            this.challtestsrv = challtestsrvPort < 0 ? null : Listeners.start("dns.challtestsrvPort",
                    config.management().listenAddress(), challtestsrvPort, null, ManagementApi.challtestsrv(dnsRecords, dns));
            this.trustFile = Trust.writeTrustFile(config.acme(), tls);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private MockDnsServer startDns(VantageConfig c) {
        try {
            return MockDnsServer.start(dnsRecords, new InetSocketAddress(c.dns().listenAddress(), c.dns().port()));
        } catch (IOException e) {
            throw new ConfigException("dns.port", c.dns().listenAddress() + ":" + c.dns().port(),
                    "cannot listen there (UDP and TCP): " + e.getMessage());
        }
    }

    /** A builder starting from the embedded defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ACME directory URL, for example {@code https://localhost:14000/dir}. */
    public URI directory() {
        return URI.create("https://localhost:" + acmePort() + "/dir");
    }

    /** The management API's base URL. */
    public URI management() {
        return URI.create((config.management().tls() ? "https" : "http") + "://localhost:" + managementPort());
    }

    public int acmePort() {
        return Listeners.port(acme);
    }

    public int managementPort() {
        return Listeners.port(management);
    }

    /**
     * The port of the plain-HTTP listener serving pebble-challtestsrv's DNS routes
     * ({@code dns.challtestsrvPort}), or -1 when it is off.
     */
    public int challtestsrvPort() {
        return challtestsrv == null ? -1 : Listeners.port(challtestsrv);
    }

    /** The embedded DNS server's port (UDP and TCP), or -1 when it is not running. */
    public int dnsPort() {
        return dns == null ? -1 : dns.port();
    }

    /**
     * An {@link SSLContext} that trusts this server's HTTPS listeners (and nothing else): the
     * generated TLS root, or the top certificate of a provided {@code acme.tlsCertificate} chain.
     */
    public SSLContext sslContext() {
        return tls.clientContext();
    }

    /** The PEM of the root that issued the HTTPS certificate (or the top certificate of a provided chain): what clients must trust. */
    public String trustPem() {
        return tls.rootPem();
    }

    /**
     * A PKCS#12 trust store holding the TLS root (password {@value #TRUST_STORE_PASSWORD}), for
     * tools that want {@code javax.net.ssl.trustStore}; written to a temporary file on first use
     * and deleted when the JVM exits.
     */
    public synchronized Path trustStore() {
        if (trustStore == null) {
            trustStore = Trust.pkcs12(tls, TRUST_STORE_PASSWORD);
        }
        return trustStore;
    }

    /** Where the trust PEM was written, or null when {@code acme.trustFile} is empty or {@code acme.tlsCertificate} is set. */
    public Path trustFile() {
        return trustFile;
    }

    /** The configuration this server runs with. */
    public VantageConfig config() {
        return config;
    }

    /** The certificate authority (roots, intermediates) behind issued certificates. */
    public CertificateAuthority certificateAuthority() {
        return ca;
    }

    /**
     * The mock DNS data the validator sees; {@link DnsRecords#view(String)} gives the records one
     * vantage point sees instead (split horizon, geo-DNS, a stale secondary).
     */
    public DnsRecords dns() {
        return dnsRecords;
    }

    /** The server's clock: move it to expire authorizations and certificates without waiting. */
    public AdjustableClock clock() {
        return services.clock();
    }

    /** The authorization cache: list, inspect, deactivate, expire and flush authorizations. */
    public AuthorizationCache authorizations() {
        return services.cache();
    }

    /** The profiles in force; change one (for example its reuse window) and the next order sees it. */
    public Profiles profiles() {
        return services.profiles();
    }

    /** The reuse rules in force (switches, cutoff, Pebble's coin flip). */
    public AuthzReusePolicy reuse() {
        return services.reuse();
    }

    /** Rejects this share (0 to 100) of valid nonces with {@code badNonce}, as Pebble does by default (5). */
    public void nonceRejectPercent(int percent) {
        services.nonces().rejectPercent(percent);
    }

    /**
     * The simulated network validation runs through: the vantage points (perspectives, quorum,
     * order) and the firewall rules in front of targets. Changes apply to the next validation.
     */
    public SimulatedNetwork network() {
        return network;
    }

    /** Every validation attempt with every perspective's result. */
    public ValidationHistory validations() {
        return services.history();
    }

    Services services() {
        return services;
    }

    /**
     * Forgets every account, order, authorization, certificate and validation; puts the clock,
     * DNS records, profiles, reuse rules, faults, perspectives and firewall rules back as
     * configured. CA keys stay.
     */
    public void reset() {
        services.store().clear();
        services.history().clear();
        services.clock().reset();
        services.profiles().replaceAll(config.profiles(), config.defaultProfile());
        services.reuse().config(config.reuse());
        services.nonces().rejectPercent(config.faults().nonceRejectPercent());
        network.reset();
        dnsRecords.clear();
        if (dns != null) {
            dns.clearHistory();
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (acme != null) {
            acme.stop();
        }
        if (management != null) {
            management.stop();
        }
        if (challtestsrv != null) {
            challtestsrv.stop();
        }
        if (dns != null) {
            dns.close();
        }
        workers.shutdownNow();
        if (validator != null) {
            validator.close();
        }
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InetSocketAddress resolverAddress() {
        String external = config.dns().resolver();
        if (external.isEmpty()) {
            return dns.address();
        }
        int colon = external.lastIndexOf(':');
        String host = external.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(external.substring(colon + 1)));
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Builds a {@link VantageServer}. It starts from the embedded defaults with every listener
     * (ACME, management, DNS) on port 0 and no trust file, so tests running in parallel never
     * collide; {@link #config(VantageConfig)} replaces that with any configuration.
     */
    public static final class Builder {
        private VantageConfig config = ConfigLoader.with(VantageConfig.defaults(), Map.of(
                "acme.port", "0", "management.port", "0", "dns.port", "0", "acme.trustFile", ""));

        private Builder() {
        }

        /** Replaces the whole configuration (ports included). */
        public Builder config(VantageConfig newConfig) {
            this.config = newConfig;
            return this;
        }

        /** Sets one setting by its dotted key, for example {@code set("profiles.classic.validAuthzLifetime", "7h")}. */
        public Builder set(String key, String value) {
            this.config = ConfigLoader.with(config, Map.of(key, value));
            return this;
        }

        /**
         * Every listener on port 0 (a challtestsrv listener that is on included) and no trust file
         * (the builder's starting point; useful after {@link #config}).
         */
        public Builder ephemeralPorts() {
            if (config.dns().challtestsrvPort() > 0) {
                set("dns.challtestsrvPort", "0");
            }
            return set("acme.port", "0").set("management.port", "0").set("dns.port", "0").set("acme.trustFile", "");
        }

        /** The configuration the server will start with. */
        public VantageConfig config() {
            return config;
        }

        /** Starts the server; it is ready when this returns. */
        public VantageServer start() {
            return new VantageServer(config);
        }
    }
}
