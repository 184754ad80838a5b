package dev.vantage.clienttests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real client programs (certbot, lego, curl) as processes: bounded by a timeout after which
 * the process and its children are killed, stdin closed, stdout and stderr captured to files so
 * a chatty program can never block on a full pipe.
 */
final class Programs {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Programs() {
    }

    /** What a finished process left behind. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** The command, exit code and both outputs, for assertion messages. */
        String describe() {
            return "$ " + String.join(" ", command) + "\nexit code " + exitCode
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /**
     * Fails the test, saying how to install it, unless {@code program --version} runs. Missing
     * programs are a broken environment, not a reason to skip: CI installs them.
     */
    static String require(String program, String debianPackage, Path scratch) {
        Result version;
        try {
            version = start(List.of(program, "--version"), Map.of(), scratch, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new AssertionError(program + " is not installed or not on the PATH (" + e.getMessage()
                    + "); install it with: apt-get install -y " + debianPackage, e);
        }
        if (version.exitCode() != 0) {
            fail(program + " --version failed; reinstall it with: apt-get install -y " + debianPackage + "\n"
                    + version.describe());
        }
        return (version.stdout() + version.stderr()).strip();
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code environment} added to this JVM's
     * environment; fails the test (after killing the process tree) if it outlives {@code timeout}.
     */
    static Result run(List<String> command, Map<String, String> environment, Path workDir, Duration timeout) {
        try {
            return start(command, environment, workDir, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private static Result start(List<String> command, Map<String, String> environment, Path workDir,
                                Duration timeout) throws IOException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "stdout-", ".txt");
        Path err = Files.createTempFile(workDir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new AssertionError("interrupted while running " + command, e);
        }
        if (!finished) {
            kill(process);
            throw new AssertionError(command.get(0) + " did not finish within " + timeout.toSeconds() + " s and was killed\n"
                    + new Result(command, -1, read(out), read(err)).describe());
        }
        return new Result(command, process.exitValue(), read(out), read(err));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A file's text, or a note that it is missing; never throws, for use in failure messages. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Writes an executable shell script. */
    static Path script(Path file, String body) {
        try {
            Files.writeString(file, "#!/bin/sh\nset -eu\n" + body + "\n", StandardCharsets.UTF_8);
            if (!file.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
