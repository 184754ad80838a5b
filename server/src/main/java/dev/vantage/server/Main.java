package dev.vantage.server;

import dev.vantage.config.ConfigException;
import dev.vantage.config.ConfigLoader;
import dev.vantage.config.VantageConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar vantage.jar}: runs Vantage with embedded defaults, a JSON file
 * ({@code --config}), {@code VANTAGE_…}/{@code PEBBLE_…} environment variables and flags, in that
 * order of precedence (flags win).
 */
@Command(name = "vantage", mixinStandardHelpOptions = true, version = "Vantage 0.1.0",
        description = "A local ACME (RFC 8555) certificate authority for tests.",
        footer = {"", "Every setting can be given as --set key=value (see --print-config for the keys)."})
public final class Main implements Callable<Integer> {
    private static final List<String> QUIET = List.of("org.xnio", "io.undertow", "org.jboss", "org.xbill",
            "org.apache.hc");
    /** java.util.logging keeps loggers weakly: hold the ones we configured so their levels stick. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    @Option(names = {"--config", "-config"}, paramLabel = "FILE", description = "JSON configuration file")
    Path configFile;

    @Option(names = {"--set", "-D"}, paramLabel = "KEY=VALUE", description = "any setting, for example acme.port=14001")
    List<String> settings = new ArrayList<>();

    @Option(names = "--acme-port", description = "ACME HTTPS port (default 14000)")
    String acmePort;

    @Option(names = "--management-port", description = "management API port (default 15000)")
    String managementPort;

    @Option(names = "--dns-port", description = "embedded DNS server port, UDP and TCP (default 8053)")
    String dnsPort;

    @Option(names = "--http-port", description = "port http-01 validation connects to (default 5002)")
    String httpPort;

    @Option(names = "--tls-port", description = "port tls-alpn-01 validation connects to (default 5001)")
    String tlsPort;

    @Option(names = {"--dns-server", "-dnsserver"}, paramLabel = "HOST:PORT",
            description = "validate with this DNS resolver instead of the embedded server")
    String dnsServer;

    @Option(names = "--trust-file", paramLabel = "FILE", description = "where to write the TLS root PEM (default vantage-tls-ca.pem)")
    String trustFile;

    @Option(names = "--key-algorithm", description = "CA key type: ecdsa-p256 (default), ecdsa-p384, rsa-2048, rsa-3072")
    String keyAlgorithm;

    @Option(names = "--default-profile", description = "profile of orders that name none (default classic)")
    String defaultProfile;

    @Option(names = "--print-config", description = "print every setting with its value and exit")
    boolean printConfig;

    @Option(names = {"-strict"}, hidden = true, arity = "0..1", description = "accepted for Pebble compatibility")
    String strict;

    public static void main(String[] args) {
        configureLogging();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        VantageConfig config;
        try {
            config = ConfigLoader.load(configFile, overrides());
        } catch (ConfigException e) {
            System.err.println("vantage: " + e.getMessage());
            return 2;
        }
        if (printConfig) {
            ConfigLoader.flatten(config).forEach((k, v) -> System.out.println(k + " = " + v));
            return 0;
        }
        VantageServer server;
        try {
            server = VantageServer.builder().config(config).start();
        } catch (ConfigException e) {
            System.err.println("vantage: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("vantage: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "vantage-shutdown"));
        Logger.getLogger("dev.vantage").info(startupLine(server));
        stopped.await();
        return 0;
    }

    /** Named flags are shortcuts for keys; --set comes last so it wins. */
    private List<String> overrides() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("acme.port", acmePort);
        named.put("management.port", managementPort);
        named.put("dns.port", dnsPort);
        named.put("validation.httpPort", httpPort);
        named.put("validation.tlsAlpnPort", tlsPort);
        named.put("dns.resolver", dnsServer);
        named.put("acme.trustFile", trustFile);
        named.put("ca.keyAlgorithm", keyAlgorithm);
        named.put("defaultProfile", defaultProfile);
        List<String> out = new ArrayList<>();
        named.forEach((k, v) -> {
            if (v != null) {
                out.add(k + "=" + v);
            }
        });
        out.addAll(settings);
        return out;
    }

    static String startupLine(VantageServer s) {
        VantageConfig c = s.config();
        return "Vantage ready: ACME directory " + s.directory()
                + " | management " + s.management()
                + " | DNS " + (s.dnsPort() < 0 ? "external " + c.dns().resolver()
                        : c.dns().listenAddress() + ":" + s.dnsPort() + " (udp+tcp)")
                + (s.challtestsrvPort() < 0 ? ""
                        : " | challtestsrv http://" + c.management().listenAddress() + ":" + s.challtestsrvPort())
                + " | validation http-01 port " + c.validation().httpPort()
                + ", tls-alpn-01 port " + c.validation().tlsAlpnPort()
                + " | trust file " + (s.trustFile() == null ? "(none)" : s.trustFile());
    }

    /** One line per record, and the chatty libraries quiet. */
    private static void configureLogging() {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter() {
            @Override
            public String format(LogRecord r) {
                String thrown = "";
                if (r.getThrown() != null) {
                    var sw = new StringWriter();
                    r.getThrown().printStackTrace(new PrintWriter(sw));
                    thrown = System.lineSeparator() + sw;
                }
                return String.format("%1$tF %1$tT %2$s %3$s%4$s%n", r.getMillis(), r.getLevel().getName(),
                        formatMessage(r), thrown);
            }
        });
        root.addHandler(console);
        for (String chatty : QUIET) {
            Logger logger = Logger.getLogger(chatty);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
