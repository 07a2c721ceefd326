package dev.tact.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * A declared emergency in a region (a country, or one subdivision): no marketing reaches people there from {@code
 * startsAt} until {@code endsAt} (R15, La. R.S. 45:844.31). Without an end it lasts until someone ends it.
 *
 * @param exemptionsSuspended whether the law's exemptions (express request or business relationship within six
 *     months) are suspended too, as Louisiana's PSC order does while the PSC reports to the emergency centre
 */
public record Emergency(UUID id, String title, Region region, Instant startsAt, Instant endsAt,
    boolean exemptionsSuspended, String declaredBy, Instant declaredAt) {

  /** Whether it is in force at {@code at}. */
  public boolean inForceAt(Instant at) {
    return !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt));
  }
}
