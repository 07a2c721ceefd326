package dev.tact.timer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A summary table that folds add to (ADR 0046): each row is named by its key columns and holds sums, which a fold
 * only ever adds to. A fold gathers what it adds in {@link Additions} and writes them in sorted key order, so two
 * folds that touch the same rows wait for each other, never in a cycle. Table and column names come from the owning
 * module's code, never from input; a column's name is also its parameter's.
 */
public final class SummaryTable {

  private final JdbcClient jdbc;
  private final List<String> keyColumns;
  private final List<String> sumColumns;
  private final String update;
  private final String insert;

  public SummaryTable(JdbcClient jdbc, String table, List<String> keyColumns, List<String> sumColumns) {
    this.jdbc = jdbc;
    this.keyColumns = List.copyOf(keyColumns);
    this.sumColumns = List.copyOf(sumColumns);
    List<String> columns = new ArrayList<>(keyColumns);
    columns.addAll(sumColumns);
    this.update = "UPDATE " + table + " SET "
        + sumColumns.stream().map(c -> c + " = " + c + " + :" + c).collect(Collectors.joining(", "))
        + " WHERE " + keyColumns.stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
    this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (:"
        + String.join(", :", columns) + ")";
  }

  /** An empty set of additions to this table. */
  public Additions additions() {
    return new Additions();
  }

  /** What one fold adds, summed by row. */
  public final class Additions {

    private final Map<List<?>, long[]> byRow = new TreeMap<>(SummaryTable::compareKeys);

    private Additions() {}

    /** Adds {@code amounts} (one for each sum column, in order) to the row named by {@code key}. */
    public void add(List<?> key, long... amounts) {
      if (key.size() != keyColumns.size() || amounts.length != sumColumns.size()) {
        throw new IllegalArgumentException("a key of " + keyColumns + " and amounts for " + sumColumns);
      }
      long[] sums = byRow.computeIfAbsent(key, k -> new long[sumColumns.size()]);
      for (int i = 0; i < amounts.length; i++) {
        sums[i] += amounts[i];
      }
    }

    /** Writes the additions, rows in key order: adds to a row there is, inserts one there is not yet. */
    public void write() {
      byRow.forEach((key, sums) -> {
        if (Arrays.stream(sums).allMatch(s -> s == 0)) {
          return;
        }
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keyColumns.size(); i++) {
          params.put(keyColumns.get(i), key.get(i));
        }
        for (int i = 0; i < sumColumns.size(); i++) {
          params.put(sumColumns.get(i), sums[i]);
        }
        if (jdbc.sql(update).params(params).update() == 0) {
          jdbc.sql(insert).params(params).update();
        }
      });
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(List<?> a, List<?> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = ((Comparable) a.get(i)).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
