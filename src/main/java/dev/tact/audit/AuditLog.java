package dev.tact.audit;

import static dev.tact.shared.SqlTime.instant;

import dev.tact.shared.Ids;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log. {@link #record} joins the caller's transaction, so an entry exists exactly when its change was
 * committed; {@link #recordAlone} commits on its own (a failed sign-in changes nothing else, and is kept).
 * This class only inserts and reads; {@code AuditRetention} alone deletes, and only what is past retention.
 */
@Service
public class AuditLog {

  private static final int MAX_SUMMARY = 2000;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Records the entry in the current transaction (or alone, when there is none). */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEntry record(AuditRecord record) {
    return insert(record);
  }

  /** Records the entry in a transaction of its own, kept even when the caller's rolls back. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public AuditEntry recordAlone(AuditRecord record) {
    return insert(record);
  }

  private AuditEntry insert(AuditRecord record) {
    AuditActor actor = record.actor() != null ? record.actor() : CurrentRequest.actor();
    AuditEntry entry = new AuditEntry(Ids.newId(), clock.instant(), actor, truncate(CurrentRequest.source(), 100),
        record.action(), truncate(record.targetType(), 50), truncate(record.targetId(), 200),
        truncate(record.summary(), MAX_SUMMARY), toJson(record.before()), toJson(record.after()));
    jdbc.sql("""
        INSERT INTO audit_entry (id, at, actor_kind, actor, source, action, target_type, target_id, summary,
          before_json, after_json)
        VALUES (:id, :at, :kind, :actor, :source, :action, :targetType, :targetId, :summary, :before, :after)""")
        .param("id", entry.id()).param("at", entry.at().atOffset(ZoneOffset.UTC))
        .param("kind", actor.kind().name()).param("actor", truncate(actor.name(), 320))
        .param("source", entry.source()).param("action", entry.action())
        .param("targetType", entry.targetType()).param("targetId", entry.targetId())
        .param("summary", entry.summary()).param("before", entry.before()).param("after", entry.after())
        .update();
    return entry;
  }

  /** A page of entries matching the query, newest first. */
  public PageResult<AuditEntry> search(AuditQuery query, PageRequest page) {
    Where where = where(query);
    long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where.sql()).params(where.params())
        .query(Long.class).single();
    List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_entry" + where.sql()
            + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
        .params(where.params()).param("limit", page.size()).param("offset", page.offset())
        .query(AuditLog::entry).list();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** Every entry matching the query, oldest first, handed over one at a time (for exports of any size). */
  @Transactional(readOnly = true)
  public void each(AuditQuery query, Consumer<AuditEntry> consumer) {
    Where where = where(query);
    try (var entries = jdbc.sql("SELECT * FROM audit_entry" + where.sql() + " ORDER BY at, id")
        .params(where.params()).withFetchSize(500).query(AuditLog::entry).stream()) {
      entries.forEach(consumer);
    }
  }

  /** The distinct actions recorded so far, for a filter's choices. */
  public List<String> actions() {
    return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
  }

  private record Where(String sql, Map<String, Object> params) {}

  private static Where where(AuditQuery query) {
    List<String> clauses = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (has(query.action())) {
      String action = query.action().strip();
      if (action.endsWith(".")) {
        clauses.add("action LIKE :action");
        params.put("action", escapeLike(action) + "%");
      } else {
        clauses.add("action = :action");
        params.put("action", action);
      }
    }
    if (has(query.actor())) {
      clauses.add("LOWER(actor) LIKE :actor");
      params.put("actor", "%" + escapeLike(query.actor().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (has(query.targetId())) {
      clauses.add("target_id = :targetId");
      params.put("targetId", query.targetId().strip());
    }
    if (has(query.text())) {
      clauses.add("LOWER(summary) LIKE :text");
      params.put("text", "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.from() != null) {
      clauses.add("at >= :from");
      params.put("from", query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.until() != null) {
      clauses.add("at < :until");
      params.put("until", query.until().atOffset(ZoneOffset.UTC));
    }
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  private static boolean has(String value) {
    return value != null && !value.isBlank();
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private String toJson(Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }

  static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getObject("id", UUID.class), instant(rs, "at"),
        new AuditActor(AuditActor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor")),
        rs.getString("source"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
        rs.getString("summary"), rs.getString("before_json"), rs.getString("after_json"));
  }
}
