package dev.tact.staff.signin;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps attempts refused during a lock from flooding the audit log: a client that keeps knocking while an account or
 * address is locked would otherwise write an entry per request, without ever signing in. The first refusal of a key
 * is recorded, then at most one a minute, saying how many were refused in between. Kept per node, in memory, for a
 * bounded number of keys; past that bound refusals are left out of the log (the lock itself still holds).
 */
@Component
public class LockedRefusals {

  static final Duration QUIET = Duration.ofMinutes(1);
  static final int MAX_KEYS = 10_000;

  private record Seen(Instant recordedAt, long leftOut) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final AuditLog audit;
  private final Clock clock;

  LockedRefusals(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A refusal of {@code email}'s attempt, keyed by what was locked; recorded as {@code signin.locked} on the target
   * when it is the first of its key for a minute.
   */
  public void refused(String key, Object targetId, String email, String summary) {
    toRecord(key).ifPresent(leftOut -> audit.recordAlone(AuditRecord.of("signin.locked", "agent", targetId,
        summary + since(leftOut)).by(AuditActor.anonymous(email))));
  }

  /** How many refusals of the key were left out since the last one recorded, when this one is to be recorded. */
  OptionalLong toRecord(String key) {
    Instant now = clock.instant();
    if (seen.size() >= MAX_KEYS) {
      seen.values().removeIf(s -> s.recordedAt().isBefore(now.minus(QUIET)));
    }
    long[] leftOut = {-1};
    seen.compute(key, (k, before) -> {
      if (before == null && seen.size() >= MAX_KEYS) {
        return null; // full of live keys: leave this one out rather than grow
      }
      if (before == null || !before.recordedAt().isAfter(now.minus(QUIET))) {
        leftOut[0] = before == null ? 0 : before.leftOut();
        return new Seen(now, 0);
      }
      return new Seen(before.recordedAt(), before.leftOut() + 1);
    });
    return leftOut[0] < 0 ? OptionalLong.empty() : OptionalLong.of(leftOut[0]);
  }

  private static String since(long leftOut) {
    return leftOut == 0 ? "" : "; " + leftOut + (leftOut == 1 ? " more refusal" : " more refusals")
        + " since the last entry";
  }
}
