package dev.tact.conversation;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved views' table, and only SQL. */
@Repository
class SavedViewStore {

  private final JdbcClient jdbc;

  SavedViewStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(SavedView view) {
    jdbc.sql("""
        INSERT INTO conv_saved_view (id, name, owner_id, query, created_by, created_at)
        VALUES (:id, :name, :owner, :query, :by, :at)""")
        .param("id", view.id()).param("name", view.name()).param("owner", view.ownerId())
        .param("query", view.query().queryString()).param("by", view.createdBy()).param("at", utc(view.createdAt()))
        .update();
  }

  /** The shared views and this agent's own (none when agentId is null), shared first, then by name. */
  List<SavedView> visibleTo(UUID agentId) {
    if (agentId == null) {
      return jdbc.sql("SELECT * FROM conv_saved_view WHERE owner_id IS NULL ORDER BY LOWER(name), id")
          .query(this::view).list();
    }
    return jdbc.sql("""
        SELECT * FROM conv_saved_view WHERE owner_id IS NULL OR owner_id = :agent
        ORDER BY CASE WHEN owner_id IS NULL THEN 0 ELSE 1 END, LOWER(name), id""")
        .param("agent", agentId).query(this::view).list();
  }

  Optional<SavedView> find(UUID id) {
    return jdbc.sql("SELECT * FROM conv_saved_view WHERE id = :id").param("id", id).query(this::view).optional();
  }

  boolean nameTaken(String name, UUID ownerId) {
    if (ownerId == null) {
      return jdbc.sql("SELECT COUNT(*) FROM conv_saved_view WHERE LOWER(name) = LOWER(:name) AND owner_id IS NULL")
          .param("name", name).query(Long.class).single() > 0;
    }
    return jdbc.sql("SELECT COUNT(*) FROM conv_saved_view WHERE LOWER(name) = LOWER(:name) AND owner_id = :owner")
        .param("name", name).param("owner", ownerId).query(Long.class).single() > 0;
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM conv_saved_view WHERE id = :id").param("id", id).update();
  }

  private SavedView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new SavedView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("owner_id", UUID.class),
        InboxQuery.parse(rs.getString("query")), rs.getString("created_by"), instant(rs, "created_at"));
  }
}
