package dev.tact.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility's defaults for every test class (registered for all of them in {@code junit-platform.properties}):
 * look at once, then after 10, 20, 40 and 80 ms, then every 100 ms as before. Awaitility's own default first sleeps
 * its poll interval (100 ms) even when the condition already holds, so every {@code await()} took at least 100 ms;
 * a test that waits for each of a hundred filed messages in turn waited ten seconds for that alone. What a test
 * waits for and how long at most is unchanged: only how soon it looks.
 */
public final class PromptAwaitility implements BeforeAllCallback {

  static final Duration MOST_BETWEEN_LOOKS = Duration.ofMillis(100);

  @Override
  public void beforeAll(ExtensionContext context) {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
    Awaitility.setDefaultPollInterval(IterativePollInterval.iterative(
        last -> last.multipliedBy(2).compareTo(MOST_BETWEEN_LOOKS) < 0 ? last.multipliedBy(2) : MOST_BETWEEN_LOOKS,
        Duration.ofMillis(5)));
  }
}
