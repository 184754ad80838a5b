package dev.vantage.server.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one Vantage for the annotated test class and injects it as a {@code VantageServer}
 * parameter. Use {@link VantageExtension#builder()} with {@code @RegisterExtension} for more control.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VantageExtension.class)
public @interface WithVantage {
    /** Settings as {@code key=value}, for example {@code "profiles.classic.validAuthzLifetime=7h"}. */
    String[] settings() default {};

    /** Forget accounts, orders and authorizations (and move the clock back) after every test. */
    boolean resetBetweenTests() default true;
}
