package dev.tact.timer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a {@link ChangeFold} has added to its summary for each id, one row an id: the fold takes it out again when the
 * id changes. Table and column names come from the owning module's code; a column's name is also its parameter's.
 *
 * @param <C> what one id adds to the summary
 */
public final class CountedRows<C> {

  private final JdbcClient jdbc;
  private final String idColumn;
  private final List<String> columns;
  private final RowMapper<C> reader;
  private final Function<C, List<?>> values;
  private final String select;
  private final String delete;
  private final String insert;

  /**
   * @param reader reads one counted row ({@code columns}, as named)
   * @param values the values of {@code columns}, in order, for one counted
   */
  public CountedRows(JdbcClient jdbc, String table, String idColumn, List<String> columns, RowMapper<C> reader,
      Function<C, List<?>> values) {
    this.jdbc = jdbc;
    this.idColumn = idColumn;
    this.columns = List.copyOf(columns);
    this.reader = reader;
    this.values = values;
    this.select = "SELECT " + idColumn + ", " + String.join(", ", columns) + " FROM " + table + " WHERE " + idColumn
        + " IN (:ids)";
    this.delete = "DELETE FROM " + table + " WHERE " + idColumn + " = :id";
    List<String> all = new ArrayList<>(columns);
    all.add(0, idColumn);
    this.insert = "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (:" + String.join(", :", all)
        + ")";
  }

  /** What the summary counts now for each of the ids (none for an id it does not count). */
  public Map<UUID, C> read(List<UUID> ids) {
    return readBy(select, ids);
  }

  /** Reads ids and what they add with {@code sql} (which selects {@code idColumn} and the counted columns). */
  public Map<UUID, C> readBy(String sql, List<UUID> ids) {
    Map<UUID, C> read = new HashMap<>();
    jdbc.sql(sql).param("ids", ids).query(rs -> {
      read.put(rs.getObject(idColumn, UUID.class), reader.mapRow(rs, 0));
    });
    return read;
  }

  /** Records what the summary now counts for the id: {@code counted}, or nothing when null. */
  void replace(UUID id, C counted) {
    jdbc.sql(delete).param("id", id).update();
    if (counted == null) {
      return;
    }
    List<?> row = values.apply(counted);
    Map<String, Object> params = new HashMap<>();
    params.put(idColumn, id);
    for (int i = 0; i < columns.size(); i++) {
      params.put(columns.get(i), row.get(i));
    }
    jdbc.sql(insert).params(params).update();
  }
}
