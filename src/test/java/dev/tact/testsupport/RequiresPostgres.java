package dev.tact.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test against a real PostgreSQL named by {@code TACT_TEST_POSTGRES_URL}. Without it the
 * test is skipped, unless {@code -Dtact.test.require-postgres=true} (as in CI): then it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgresCondition.class)
public @interface RequiresPostgres {}
