package dev.tact.dashboard;

import dev.tact.shared.SqlTime;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Leads and admins who asked not to get the weekly digest (table {@code dashboard_digest_opt_out}). */
@Component
public class DigestOptOuts {

  private final JdbcClient jdbc;
  private final Clock clock;

  DigestOptOuts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean wantsDigest(UUID agentId) {
    return jdbc.sql("SELECT COUNT(*) FROM dashboard_digest_opt_out WHERE agent_id = :id").param("id", agentId)
        .query(Long.class).single() == 0;
  }

  @Transactional
  public void choose(UUID agentId, boolean wanted) {
    jdbc.sql("DELETE FROM dashboard_digest_opt_out WHERE agent_id = :id").param("id", agentId).update();
    if (!wanted) {
      jdbc.sql("INSERT INTO dashboard_digest_opt_out (agent_id, opted_out_at) VALUES (:id, :at)")
          .param("id", agentId).param("at", SqlTime.utc(clock.instant())).update();
    }
  }

  Set<UUID> optedOut() {
    return jdbc.sql("SELECT agent_id FROM dashboard_digest_opt_out").query(UUID.class).list().stream()
        .collect(Collectors.toSet());
  }
}
