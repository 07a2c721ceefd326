package dev.tact.policy.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rolling caps over the contact-history ledger. An attempt counts against an instant when it lies less than the
 * period away on either side, so that attempts already scheduled for later count too.
 */
final class Caps {

  private Caps() {}

  /** "7 days", "24 hours", "90 minutes". */
  static String period(Duration per) {
    if (per.toHours() % 24 == 0 && per.toDays() > 1) {
      return per.toDays() + " days";
    }
    if (per.toMinutes() % 60 == 0) {
      return per.toHours() == 1 ? "hour" : per.toHours() + " hours";
    }
    return per.toMinutes() + " minutes";
  }

  static int count(List<Instant> attempts, Instant at, Duration per) {
    int count = 0;
    for (Instant attempt : attempts) {
      if (Duration.between(attempt, at).abs().compareTo(per) < 0) {
        count++;
      }
    }
    return count;
  }

  /** Empty when a contact at {@code at} stays within the cap, else the first later instant at which it would. */
  static Optional<Instant> freesAt(List<Instant> attempts, Instant at, Duration per, int max) {
    if (count(attempts, at, per) < max) {
      return Optional.empty();
    }
    Instant frees = null;
    for (Instant candidate : attempts.stream().map(a -> a.plus(per)).filter(c -> c.isAfter(at)).sorted().toList()) {
      frees = candidate;
      if (count(attempts, candidate, per) < max) {
        break;
      }
    }
    return Optional.of(frees == null ? at.plus(per) : frees);
  }
}
