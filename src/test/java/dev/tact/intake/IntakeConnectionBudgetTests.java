package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.shared.ListenerExecutorProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class IntakeConnectionBudgetTests {

  private static final ListenerExecutorProperties EIGHT_LISTENERS = new ListenerExecutorProperties(8, 100);

  @Test
  void shouldSayAtStartWhenThePoolCannotServeTheListenersAndTheIntakeThreads(CapturedOutput output) {
    new IntakeConnectionBudget(intake(2, 1), EIGHT_LISTENERS, 10);
    assertThat(output).doesNotContain("The database pool");

    new IntakeConnectionBudget(intake(3, 1), EIGHT_LISTENERS, 6);
    assertThat(output).contains("The database pool (6 connections, TACT_DB_POOL_SIZE) is smaller than the 3 listener "
        + "threads, 3 pipeline workers and 1 intake log writers");
  }

  private static IntakeProperties intake(int pipelineWorkers, int logWriters) {
    return new IntakeProperties(100_000, 1_048_576, 73_400_320,
        new IntakeProperties.Log(20_000, 500, logWriters, Duration.ofSeconds(30)),
        new IntakeProperties.Pipeline(true, pipelineWorkers, Duration.ofMillis(500), 5, Duration.ofSeconds(1), 20), 8);
  }
}
