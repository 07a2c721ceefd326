package dev.tact.delivery.pacing;

import java.time.LocalDate;

/** Where the first day of the warm-up comes from. */
@FunctionalInterface
public interface WarmupStart {

  /** The first warm-up day (UTC); {@code today} when nothing was stored or configured yet. */
  LocalDate firstDay(LocalDate today);

  /** A fixed first day, as configured. */
  static WarmupStart on(LocalDate day) {
    return today -> day;
  }
}
