package dev.tact.noise;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.Channel;
import dev.tact.shared.MultiRowInsert;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rate-limit arrivals, held groups and their messages. */
@Repository
class HeldStore {

  private static final MultiRowInsert ARRIVALS =
      new MultiRowInsert("INSERT INTO noise_arrival (scope_key, arrived_at, item_id)", 3, "");

  private final JdbcClient jdbc;
  private final JdbcTemplate rows;

  HeldStore(JdbcClient jdbc, JdbcTemplate rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /** How many arrivals each of these scopes had since then (absent: none). */
  Map<String, Long> arrivals(List<String> scopes, Instant since) {
    Map<String, Long> counts = new HashMap<>();
    if (!scopes.isEmpty()) {
      jdbc.sql("""
          SELECT scope_key, COUNT(*) AS n FROM noise_arrival WHERE scope_key IN (:scopes) AND arrived_at >= :since
          GROUP BY scope_key""").param("scopes", scopes).param("since", utc(since))
          .query((rs, n) -> counts.put(rs.getString("scope_key"), rs.getLong("n"))).list();
    }
    return counts;
  }

  void recordArrivals(List<String> scopes, Instant at, UUID itemId) {
    ARRIVALS.insert(rows, scopes.stream().map(scope -> new Object[] {scope, utc(at), itemId}).toList());
  }

  int deleteArrivalsBefore(Instant before) {
    return jdbc.sql("DELETE FROM noise_arrival WHERE arrived_at < :before").param("before", utc(before)).update();
  }

  Optional<HeldGroup> openGroup(String scope) {
    return jdbc.sql("SELECT * FROM noise_held_group WHERE scope_key = :scope AND status = 'HELD'")
        .param("scope", scope).query(HeldStore::group).optional();
  }

  void insertGroup(UUID id, String scope, UUID teamId, Instant at, String subject, String text) {
    jdbc.sql("""
        INSERT INTO noise_held_group (id, scope_key, team_id, status, message_count, first_at, last_at, sample_subject,
          sample_text)
        VALUES (:id, :scope, :team, 'HELD', 0, :at, :at, :subject, :text)""")
        .param("id", id).param("scope", scope).param("team", teamId).param("at", utc(at))
        .param("subject", cut(subject, 2000)).param("text", cut(text, 4000)).update();
  }

  void addItem(UUID groupId, UUID itemId, Channel channel, String externalId, String sender, String subject,
      Instant at) {
    jdbc.sql("""
        INSERT INTO noise_held_item (item_id, group_id, channel, external_id, sender, subject, received_at, state)
        VALUES (:item, :group, :channel, :external, :sender, :subject, :at, 'HELD')""")
        .param("item", itemId).param("group", groupId).param("channel", channel.name()).param("external", externalId)
        .param("sender", cut(sender, 620)).param("subject", cut(subject, 2000)).param("at", utc(at)).update();
    jdbc.sql("""
        UPDATE noise_held_group SET message_count = message_count + 1,
          first_at = CASE WHEN :at < first_at THEN :at ELSE first_at END,
          last_at = CASE WHEN :at > last_at THEN :at ELSE last_at END
        WHERE id = :group""").param("at", utc(at)).param("group", groupId).update();
  }

  Optional<HeldMessage> findItem(UUID itemId) {
    return jdbc.sql("SELECT * FROM noise_held_item WHERE item_id = :item").param("item", itemId)
        .query(HeldStore::item).optional();
  }

  List<HeldGroup> groups(HeldGroup.Status status) {
    return jdbc.sql("SELECT * FROM noise_held_group WHERE status = :status ORDER BY last_at DESC LIMIT 500")
        .param("status", status.name()).query(HeldStore::group).list();
  }

  Optional<HeldGroup> group(UUID id) {
    return jdbc.sql("SELECT * FROM noise_held_group WHERE id = :id").param("id", id).query(HeldStore::group)
        .optional();
  }

  /** Locks the group's row so that two agents deciding at once take turns. */
  Optional<HeldGroup> lockGroup(UUID id) {
    return jdbc.sql("SELECT * FROM noise_held_group WHERE id = :id FOR UPDATE").param("id", id)
        .query(HeldStore::group).optional();
  }

  List<HeldMessage> items(UUID groupId) {
    return jdbc.sql("SELECT * FROM noise_held_item WHERE group_id = :group ORDER BY received_at, item_id")
        .param("group", groupId).query(HeldStore::item).list();
  }

  void decide(UUID groupId, HeldGroup.Status status, Instant at, String by) {
    jdbc.sql("UPDATE noise_held_group SET status = :status, decided_at = :at, decided_by = :by WHERE id = :id")
        .param("status", status.name()).param("at", utc(at)).param("by", cut(by, 300)).param("id", groupId).update();
    jdbc.sql("UPDATE noise_held_item SET state = :status WHERE group_id = :id AND state = 'HELD'")
        .param("status", status.name()).param("id", groupId).update();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static HeldGroup group(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new HeldGroup(rs.getObject("id", UUID.class), rs.getString("scope_key"),
        rs.getObject("team_id", UUID.class), HeldGroup.Status.valueOf(rs.getString("status")),
        rs.getInt("message_count"), instant(rs, "first_at"), instant(rs, "last_at"), rs.getString("sample_subject"),
        rs.getString("sample_text"), instant(rs, "decided_at"), rs.getString("decided_by"));
  }

  private static HeldMessage item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new HeldMessage(rs.getObject("item_id", UUID.class), rs.getObject("group_id", UUID.class),
        rs.getString("sender"), rs.getString("subject"), instant(rs, "received_at"),
        HeldGroup.Status.valueOf(rs.getString("state")));
  }
}
