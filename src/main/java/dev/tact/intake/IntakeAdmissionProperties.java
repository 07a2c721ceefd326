package dev.tact.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How intake refuses work it cannot do in time (ADR 0051): early and cheaply, with 429 and {@code Retry-After: 1}, instead of
 * letting requests queue until their clients give up.
 *
 * @param maxInFlight message posts ({@code POST /api/v1/messages} and its batch) this node works on at once, from
 *     before the token is checked until the answer; more at the same time get 429 before their body is read
 * @param queueWait how long an item may wait for the inbound log's writer to take it; a request whose item is not
 *     taken by then gets 429 and nothing of it is stored (an item the writer took is answered after its commit)
 */
@ConfigurationProperties("tact.intake.admission")
public record IntakeAdmissionProperties(@DefaultValue("128") int maxInFlight, @DefaultValue("50ms") Duration queueWait) {

  public IntakeAdmissionProperties {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("tact.intake.admission.max-in-flight must be at least 1");
    }
    if (queueWait.isNegative() || queueWait.isZero()) {
      throw new IllegalArgumentException("tact.intake.admission.queue-wait must be positive");
    }
  }
}
