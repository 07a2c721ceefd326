package dev.tact.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class RequiresPostgresCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (PostgresTestDatabase.adminUrl() != null) {
      return ConditionEvaluationResult.enabled("TACT_TEST_POSTGRES_URL is set");
    }
    if (Boolean.getBoolean("tact.test.require-postgres")) {
      return ConditionEvaluationResult.enabled("PostgreSQL is required; the test will fail without it");
    }
    return ConditionEvaluationResult.disabled("TACT_TEST_POSTGRES_URL is not set");
  }
}
