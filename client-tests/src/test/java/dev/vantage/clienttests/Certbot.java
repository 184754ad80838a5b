package dev.vantage.clienttests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * certbot as a process against a {@link VantageFixture}: {@code certbot certonly} with its
 * config, work and log folders under one directory (the same directory keeps the same account,
 * which reuse needs) and trust through {@code REQUESTS_CA_BUNDLE} pointing at Vantage's trust file.
 */
final class Certbot {
    private Certbot() {
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

    /** The debug log of the latest run under {@code dir} (certbot starts a new one per run, keeping old ones as .1, .2, …). */
    static String log(Path dir) {
        return Programs.read(dir.resolve("logs/letsencrypt.log"));
    }

    /** certbot's exit, output and debug log, for assertion messages. */
    static String explain(Programs.Result result, Path dir) {
        return result.describe() + "\n--- letsencrypt.log ---\n" + log(dir);
    }
}
