package dev.tact.timer;

import dev.tact.shared.InLists;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An append-only table of "this id changed" rows ({@code seq} identity, {@code <id column>}) that writers only INSERT
 * into and one folder at a time drains (ADR 0046): the folder first locks the one row of its lock table ({@code SKIP
 * LOCKED}, so a second folder on another node claims nothing), then claims the oldest rows and, once it has folded
 * them, deletes exactly those. Table names come from the owning module's code, never from input.
 */
public final class ChangeLog {

  private static final int CHUNK = 500;

  /** One noted change. */
  public record Change(long seq, UUID id) {}

  private final JdbcClient jdbc;
  private final String table;
  private final String idColumn;
  private final String lockTable;

  public ChangeLog(JdbcClient jdbc, String table, String idColumn, String lockTable) {
    this.jdbc = jdbc;
    this.table = table;
    this.idColumn = idColumn;
    this.lockTable = lockTable;
  }

  /** Notes a change in the caller's transaction: one INSERT of a fresh row, no lock on any shared row. */
  public void note(UUID id) {
    jdbc.sql("INSERT INTO " + table + " (" + idColumn + ") VALUES (:id)").param("id", id).update();
  }

  /** Under the lock row, the oldest changes no other transaction holds; empty when another folder runs. */
  public List<Change> claim(int limit) {
    if (jdbc.sql("SELECT id FROM " + lockTable + " WHERE id = 1 FOR UPDATE SKIP LOCKED").query(Integer.class)
        .optional().isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT seq, " + idColumn + " FROM " + table + " ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED")
        .param("limit", limit).query((rs, n) -> new Change(rs.getLong("seq"), rs.getObject(idColumn, UUID.class)))
        .list();
  }

  /** Deletes the changes folded (the claimed rows only: a change noted meanwhile stays for the next pass). */
  /** Changes noted and not yet folded. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  public void forget(List<Change> changes) {
    InLists.forEachSlice(changes.stream().map(Change::seq).toList(), seqs ->
        jdbc.sql("DELETE FROM " + table + " WHERE seq IN (:seqs)").param("seqs", seqs).update());
  }

  /** The ids changed, each once, sorted, in chunks small enough for an IN list. */
  public static List<List<UUID>> chunksOfIds(List<Change> changes) {
    List<UUID> ids = new ArrayList<>(changes.stream().map(Change::id).collect(Collectors.toCollection(TreeSet::new)));
    List<List<UUID>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
    }
    return chunks;
  }
}
