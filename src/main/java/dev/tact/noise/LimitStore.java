package dev.tact.noise;

import static dev.tact.shared.SqlTime.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rate limits set per team, or as the default (team key {@code default}). */
@Repository
class LimitStore {

  static final String DEFAULT_KEY = "default";

  private final JdbcClient jdbc;

  LimitStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The team's own limits, else the default's as the team's (teamId null: the default), in one statement. */
  Optional<RateLimits> ownOrDefault(UUID teamId) {
    List<RateLimits> found = jdbc.sql("SELECT * FROM noise_limit WHERE team_key IN (:keys)")
        .param("keys", List.of(key(teamId), DEFAULT_KEY)).query((rs, n) -> limits(rs)).list();
    return found.stream().filter(limits -> Objects.equals(limits.teamId(), teamId)).findFirst()
        .or(() -> found.stream().findFirst().map(d -> new RateLimits(teamId, d.perSender(), d.perDomain(),
            d.window())));
  }

  List<RateLimits> all() {
    return jdbc.sql("SELECT * FROM noise_limit ORDER BY team_key").query((rs, n) -> limits(rs)).list();
  }

  void save(RateLimits limits, Instant at) {
    String key = key(limits.teamId());
    int updated = jdbc.sql("""
        UPDATE noise_limit SET per_sender = :sender, per_domain = :domain, window_seconds = :window, updated_at = :at
        WHERE team_key = :key""")
        .param("sender", limits.perSender()).param("domain", limits.perDomain())
        .param("window", (int) limits.window().toSeconds()).param("at", utc(at)).param("key", key).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO noise_limit (team_key, per_sender, per_domain, window_seconds, updated_at)
          VALUES (:key, :sender, :domain, :window, :at) ON CONFLICT DO NOTHING""")
          .param("sender", limits.perSender()).param("domain", limits.perDomain())
          .param("window", (int) limits.window().toSeconds()).param("at", utc(at)).param("key", key).update();
    }
  }

  boolean delete(UUID teamId) {
    return jdbc.sql("DELETE FROM noise_limit WHERE team_key = :key").param("key", key(teamId)).update() == 1;
  }

  private static String key(UUID teamId) {
    return teamId == null ? DEFAULT_KEY : teamId.toString();
  }

  private static RateLimits limits(java.sql.ResultSet rs) throws java.sql.SQLException {
    String key = rs.getString("team_key");
    return new RateLimits(DEFAULT_KEY.equals(key) ? null : UUID.fromString(key), rs.getInt("per_sender"),
        rs.getInt("per_domain"), Duration.ofSeconds(rs.getInt("window_seconds")));
  }
}
