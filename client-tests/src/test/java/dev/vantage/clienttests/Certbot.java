package dev.vantage.clienttests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * certbot as a process against a {@link VantageFixture}: {@code certbot certonly} with its
 * config, work and log folders under one directory (the same directory keeps the same account,
 * which reuse needs) and trust through {@code REQUESTS_CA_BUNDLE} pointing at Vantage's trust file.
 *
 * <p>{@link #run} also keeps the part of the debug log a run added, which says whether certbot had
 * to answer a challenge and how many validation requests its standalone server answered. certbot
 * 2.1 as installed here keeps appending every run to {@code logs/letsencrypt.log}; should a version
 * rotate it per run instead, the whole new file is the run's part. The wording is certbot's and
 * could change with a release, so tests let Vantage's validation history decide and use the log as
 * a second signal; every failure message shows the run's output and log.
 */
final class Certbot {
    /** Logged only when an authorization of the order is not valid, before certbot starts its authenticator. */
    static final String PERFORMING = "Performing the following challenges:";
    /** Logged by the standalone server for each http-01 request it answered. */
    static final String SERVED = "Serving HTTP01 with token";

    private Certbot() {
    }

    /** One finished certbot run: its exit and output, and the part of the debug log it added. */
    record Run(Programs.Result result, String log) {
        boolean succeeded() {
            return result.exitCode() == 0;
        }

        /** Output and error stream together, where certbot prints the CA's problems. */
        String output() {
            return result.stdout() + result.stderr();
        }

        /** Whether an authorization of the order had to be validated (a fully reused order answers none). */
        boolean answeredAChallenge() {
            return log.contains(PERFORMING);
        }

        /**
         * How many validation requests the standalone server answered. Several vantage points may
         * send several, so compare it as none against some.
         */
        long requestsAtTarget() {
            return log.lines().filter(line -> line.contains(SERVED)).count();
        }

        /** The command, exit, output and this run's log, for assertion messages. */
        String explanation() {
            return result.describe() + "\n--- this run's part of letsencrypt.log ---\n" + log;
        }
    }

    /** Runs {@code certbot certonly} against {@code ca} with everything kept under {@code dir}. */
    static Programs.Result certonly(VantageFixture ca, Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("certbot", "certonly",
                "--non-interactive", "--agree-tos", "--register-unsafely-without-email",
                "--server", ca.directory().toString(),
                "--config-dir", dir.resolve("config").toString(),
                "--work-dir", dir.resolve("work").toString(),
                "--logs-dir", dir.resolve("logs").toString()));
        command.addAll(List.of(args));
        return Programs.run(command, Map.of("REQUESTS_CA_BUNDLE", ca.trustFile().toString()), dir, Programs.TIMEOUT);
    }

    /** {@link #certonly} keeping the part of the debug log this run added; does not judge the exit. */
    static Run run(VantageFixture ca, Path dir, List<String> args) {
        String earlier = log(dir);
        Programs.Result result = certonly(ca, dir, args.toArray(String[]::new));
        String log = log(dir);
        return new Run(result, log.startsWith(earlier) ? log.substring(earlier.length()) : log);
    }

    /** The arguments for standalone http-01 on the fixture's validation port for {@code name}, then {@code extra}. */
    static List<String> standalone(VantageFixture ca, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--standalone", "--http-01-address", "127.0.0.1",
                "--http-01-port", Integer.toString(ca.httpPort()), "-d", name));
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * The arguments for dns-01 with manual hooks for {@code name}, then {@code extra}: the hooks
     * (written under {@code dir}) publish and clear the TXT record through the management API with
     * curl, and append {@code "auth <domain>"} and {@code "cleanup <domain>"} to {@link #hookLog}.
     */
    static List<String> manualDns01(VantageFixture ca, Path dir, String name, String... extra) {
        String curl = "curl -sS --fail --cacert '" + ca.trustFile() + "' -X POST '" + ca.server().management();
        Path hookLog = hookLog(dir);
        Path auth = Programs.script(dir.resolve("auth-hook.sh"),
                "echo \"auth $CERTBOT_DOMAIN\" >> '" + hookLog + "'\n"
                + curl + "/set-txt' -d '{\"host\":\"_acme-challenge.'\"$CERTBOT_DOMAIN\"'.\",\"value\":\"'\"$CERTBOT_VALIDATION\"'\"}'");
        Path cleanup = Programs.script(dir.resolve("cleanup-hook.sh"),
                "echo \"cleanup $CERTBOT_DOMAIN\" >> '" + hookLog + "'\n"
                + curl + "/clear-txt' -d '{\"host\":\"_acme-challenge.'\"$CERTBOT_DOMAIN\"'.\"}'");
        List<String> args = new ArrayList<>(List.of("--manual", "--preferred-challenges", "dns",
                "--manual-auth-hook", auth.toString(), "--manual-cleanup-hook", cleanup.toString(), "-d", name));
        args.addAll(List.of(extra));
        return args;
    }

    /** Where the hooks of {@link #manualDns01} under {@code dir} record their calls. */
    static Path hookLog(Path dir) {
        return dir.resolve("hooks.log");
    }

    /** The debug log under {@code dir} as it is now; see the class comment for how runs share it. */
    static String log(Path dir) {
        return Programs.read(dir.resolve("logs/letsencrypt.log"));
    }

    /** certbot's exit, output and debug log, for assertion messages. */
    static String explain(Programs.Result result, Path dir) {
        return result.describe() + "\n--- letsencrypt.log ---\n" + log(dir);
    }
}
