package dev.tact.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The one counter of message posts answered 429, by reason, whichever part of intake refused them. */
public final class IntakeRefusals {

  private IntakeRefusals() {
  }

  /** The {@code tact.intake.refused} counter for {@code reason} (in-flight, queue-full, queue-wait). */
  public static Counter counter(MeterRegistry meters, String reason) {
    return Counter.builder("tact.intake.refused").tag("reason", reason)
        .description("Message posts answered 429 because intake was saturated").register(meters);
  }
}
