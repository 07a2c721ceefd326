package dev.tact.audit;

import dev.tact.shared.Batches;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes entries older than {@code tact.audit.retention}, hourly, a batch per short transaction. The only code
 * that deletes audit entries, and it deletes nothing younger than the retention.
 */
@Component
class AuditRetention {

  static final int BATCH = 1000;

  private final JdbcClient jdbc;
  private final AuditProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  AuditRetention(JdbcClient jdbc, AuditProperties properties, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT11M")
  void prune() {
    pruneExpired();
  }

  /** Returns how many entries were deleted. */
  int pruneExpired() {
    return pruneOlderThan(clock.instant().minus(properties.retention()));
  }

  int pruneOlderThan(Instant cutoff) {
    return Batches.untilShort(transactions, BATCH, () -> jdbc.sql("""
        DELETE FROM audit_entry WHERE id IN (
          SELECT id FROM audit_entry WHERE at < :cutoff ORDER BY at LIMIT :batch)""")
        .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).param("batch", BATCH).update());
  }
}
