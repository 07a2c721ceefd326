package dev.tact.testsupport;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class RequiresBrowserCondition implements ExecutionCondition, BeforeAllCallback {

  static final String REQUIRE_PROPERTY = "tact.test.require-browser";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (browserPresent()) {
      return ConditionEvaluationResult.enabled(RequiresBrowser.CHROMIUM + " is installed");
    }
    if (required()) {
      return ConditionEvaluationResult.enabled("a browser is required; the test will fail without it");
    }
    return ConditionEvaluationResult.disabled(RequiresBrowser.CHROMIUM + " is not installed");
  }

  /** Runs only when the tests are enabled: a required but missing browser is a failure, not a skip. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (!browserPresent()) {
      throw new AssertionError("Browser tests are required (" + REQUIRE_PROPERTY + "=true) but "
          + RequiresBrowser.CHROMIUM + " is not an executable file");
    }
  }

  static boolean browserPresent() {
    return Files.isExecutable(RequiresBrowser.CHROMIUM);
  }

  static boolean required() {
    return Boolean.getBoolean(REQUIRE_PROPERTY);
  }
}
