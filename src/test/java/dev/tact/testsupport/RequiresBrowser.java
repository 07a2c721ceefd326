package dev.tact.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a browser test with the system's Chromium at {@link #CHROMIUM}. Without it the test is
 * skipped, unless {@code -Dtact.test.require-browser=true} (as in CI): then it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowserCondition.class)
public @interface RequiresBrowser {

  /** Debian's Chromium; tests never download a browser. */
  Path CHROMIUM = Path.of("/usr/bin/chromium");
}
