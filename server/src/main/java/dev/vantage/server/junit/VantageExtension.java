package dev.vantage.server.junit;

import dev.vantage.server.VantageServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a Vantage inside the test's JVM and hands it to test methods as a {@link VantageServer}
 * parameter. Registered on a {@code static} field, one server serves the whole class; on an
 * instance field, every test gets its own. Every listener is on port 0, so parallel tests never
 * collide; nonces are never rejected and validation never sleeps unless configured.
 *
 * <pre>{@code
 * @RegisterExtension
 * static VantageExtension vantage = VantageExtension.builder()
 *         .set("profiles.classic.validAuthzLifetime", "7h")
 *         .resetBetweenTests()
 *         .build();
 *
 * @Test
 * void getsACertificate(VantageServer ca) { ... ca.directory() ... }
 * }</pre>
 *
 * For the common case, annotate the class with {@link WithVantage} instead.
 */
public final class VantageExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {
    private final Map<String, String> settings;
    private final boolean resetBetweenTests;
    private final boolean fromAnnotation;
    private VantageServer classServer;
    private VantageServer testServer;

    /** Used by {@link WithVantage}; settings come from the annotation. */
    public VantageExtension() {
        this(Map.of(), false, true);
    }

    private VantageExtension(Map<String, String> settings, boolean resetBetweenTests, boolean fromAnnotation) {
        this.settings = Map.copyOf(settings);
        this.resetBetweenTests = resetBetweenTests;
        this.fromAnnotation = fromAnnotation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running server (the class's or the current test's). */
    public VantageServer server() {
        VantageServer s = testServer != null ? testServer : classServer;
        if (s == null) {
            throw new IllegalStateException("Vantage is not running: use the server inside a test or a lifecycle method");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classServer = start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classServer == null) {
            testServer = start(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (testServer != null) {
            testServer.close();
            testServer = null;
        } else if (classServer != null && resets(context)) {
            classServer.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (classServer != null) {
            classServer.close();
            classServer = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VantageServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return server();
    }

    private VantageServer start(ExtensionContext context) {
        VantageServer.Builder b = VantageServer.builder();
        effectiveSettings(context).forEach(b::set);
        return b.start();
    }

    private Map<String, String> effectiveSettings(ExtensionContext context) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        annotation(context).ifPresent(a -> {
            for (String kv : a.settings()) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("@WithVantage settings are key=value, not \"" + kv + "\"");
                }
                all.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
            }
        });
        return all;
    }

    private boolean resets(ExtensionContext context) {
        return resetBetweenTests || annotation(context).map(WithVantage::resetBetweenTests).orElse(false);
    }

    private Optional<WithVantage> annotation(ExtensionContext context) {
        if (!fromAnnotation) {
            return Optional.empty();
        }
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, WithVantage.class));
    }

    /** Configures a {@link VantageExtension} for {@code @RegisterExtension}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private boolean reset;

        private Builder() {
        }

        /** Any setting by its dotted key, as in the configuration file or {@code --set}. */
        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** With a class-wide server: forget accounts, orders and authorizations after every test. */
        public Builder resetBetweenTests() {
            this.reset = true;
            return this;
        }

        public VantageExtension build() {
            return new VantageExtension(settings, reset, false);
        }
    }
}
