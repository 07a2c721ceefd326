package dev.tact.effort;

import java.util.List;

/**
 * The conversations of messages filed together were measured again in one transaction, and these measures changed
 * (ADR 0058): told once for them all, instead of an {@link EffortMeasured} each. At most as many as the messages of
 * one {@code MessagesFiled}.
 */
public record EffortsMeasured(List<EffortMeasured> measures) {

  public EffortsMeasured {
    measures = List.copyOf(measures);
  }
}
