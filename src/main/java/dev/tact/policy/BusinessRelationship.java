package dev.tact.policy;

import java.time.Instant;

/**
 * A purchase or an inquiry that makes a business relationship, with when it happened: the do-not-call registers'
 * exemptions (US: purchase within 18 months, inquiry within 3; Canada: 18 and 6) and Louisiana's emergency rule
 * (within 6 months) count from it. A contract in force counts as a purchase dated its latest renewal or its end.
 */
public record BusinessRelationship(Kind kind, Instant at, String source) {

  public enum Kind {
    PURCHASE,
    INQUIRY
  }
}
