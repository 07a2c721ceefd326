package dev.tact.replytemplates;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.conversation.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reply_template table. Only this class touches it. */
@Repository
class ReplyTemplateStore {

  private static final String COLUMNS =
      "id, owner_id, name, body, set_status, add_tags, set_team_id, created_at, updated_at";

  private final JdbcClient jdbc;

  ReplyTemplateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ReplyTemplate t) {
    jdbc.sql("INSERT INTO reply_template (" + COLUMNS + ", owner_key, name_key) VALUES (:id, :owner, :name, :body, "
            + ":status, :tags, :team, :created, :updated, :ownerKey, :nameKey)")
        .param("id", t.id()).param("owner", t.ownerId()).param("name", t.name()).param("body", t.body())
        .param("status", t.setStatus() == null ? null : t.setStatus().name()).param("tags", tags(t.addTags()))
        .param("team", t.setTeamId()).param("created", utc(t.createdAt())).param("updated", utc(t.updatedAt()))
        .param("ownerKey", ownerKey(t.ownerId())).param("nameKey", nameKey(t.name())).update();
  }

  void update(ReplyTemplate t) {
    jdbc.sql("UPDATE reply_template SET owner_id = :owner, owner_key = :ownerKey, name = :name, name_key = :nameKey,"
            + " body = :body, set_status = :status, add_tags = :tags, set_team_id = :team, updated_at = :updated "
            + "WHERE id = :id")
        .param("id", t.id()).param("owner", t.ownerId()).param("ownerKey", ownerKey(t.ownerId()))
        .param("name", t.name()).param("nameKey", nameKey(t.name())).param("body", t.body())
        .param("status", t.setStatus() == null ? null : t.setStatus().name()).param("tags", tags(t.addTags()))
        .param("team", t.setTeamId()).param("updated", utc(t.updatedAt())).update();
  }

  boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM reply_template WHERE id = :id").param("id", id).update() > 0;
  }

  Optional<ReplyTemplate> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM reply_template WHERE id = :id").param("id", id)
        .query(ReplyTemplateStore::template).optional();
  }

  /** Another template of the same owner with this name (any case), if any. */
  boolean nameTaken(UUID ownerId, String name, UUID except) {
    return jdbc.sql("SELECT COUNT(*) FROM reply_template WHERE owner_key = :ownerKey AND name_key = :nameKey "
            + "AND id <> :except")
        .param("ownerKey", ownerKey(ownerId)).param("nameKey", nameKey(name))
        .param("except", except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
  }

  /** The shared templates and the agent's own (none when agentId is null), shared first, then by name. */
  List<ReplyTemplate> visibleTo(UUID agentId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM reply_template WHERE owner_id IS NULL OR owner_id = :agent "
            + "ORDER BY CASE WHEN owner_id IS NULL THEN 0 ELSE 1 END, name_key, id")
        .param("agent", agentId == null ? new UUID(0, 0) : agentId).query(ReplyTemplateStore::template).list();
  }

  static String ownerKey(UUID ownerId) {
    return ownerId == null ? "shared" : ownerId.toString();
  }

  static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String tags(List<String> tags) {
    return tags.isEmpty() ? null : String.join(",", tags);
  }

  private static ReplyTemplate template(ResultSet rs, int n) throws SQLException {
    String status = rs.getString("set_status");
    String tags = rs.getString("add_tags");
    return new ReplyTemplate(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
        rs.getString("name"), rs.getString("body"), status == null ? null : Status.valueOf(status),
        tags == null ? List.of() : Arrays.stream(tags.split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getObject("set_team_id", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"));
  }
}
