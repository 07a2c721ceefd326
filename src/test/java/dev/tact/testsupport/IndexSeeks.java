package dev.tact.testsupport;

import dev.tact.testsupport.StatementRecorder.Recorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads H2's plan of a recorded statement (EXPLAIN with the same parameters) and names the table reads in it that do
 * not seek a whole index key. H2 writes each read as a comment after the table: {@code /* public.t.tableScan *}{@code /}
 * for a scan, {@code /* public.some_index: a = ?1 *}{@code /} for an index and the conditions it seeks with; an index
 * sought with fewer conditions than it has columns makes H2 test every row under that prefix one by one, unless
 * the index gives the query's order and H2 stops at its LIMIT ({@code /* index sorted *}{@code /}).
 */
public final class IndexSeeks {

  private static final Pattern READ = Pattern.compile("/\\*\\s*public\\.([A-Za-z0-9_.]+)(?::(.*?))?\\s*\\*/",
      Pattern.DOTALL);
  private static final Pattern SCAN_COUNT = Pattern.compile("/\\*\\s*scanCount:\\s*(\\d+)\\s*\\*/");
  private static final Pattern ROW_VALUES = Pattern.compile("^IN\\(ROW \\(([^)]*)\\)");

  private IndexSeeks() {}

  /** H2's plan for the statement, with the parameters it was issued with. */
  public static String plan(DataSource dataSource, Recorded statement) throws SQLException {
    return explained("EXPLAIN ", dataSource, statement);
  }

  /**
   * H2's plan of the statement as it ran (EXPLAIN ANALYZE, with the parameters it was issued with, in a transaction
   * rolled back after): each read followed by the rows it read ({@code /* scanCount: n *}{@code /}).
   */
  public static String analyzed(DataSource dataSource, Recorded statement) throws SQLException {
    return explained("EXPLAIN ANALYZE ", dataSource, statement);
  }

  /** The statement explained with its parameters, in a transaction rolled back after (ANALYZE runs it). */
  private static String explained(String explain, DataSource dataSource, Recorded statement) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement explaining = connection.prepareStatement(explain + statement.sql())) {
        for (Map.Entry<Integer, Object> parameter : statement.parameters().entrySet()) {
          explaining.setObject(parameter.getKey(), parameter.getValue());
        }
        try (ResultSet rs = explaining.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      } finally {
        connection.rollback();
      }
    }
  }

  /** The rows each read of an analysed plan read, in the order of the plan. */
  public static List<Integer> scanCounts(String analyzedPlan) {
    List<Integer> counts = new ArrayList<>();
    Matcher count = SCAN_COUNT.matcher(analyzedPlan);
    while (count.find()) {
      counts.add(Integer.parseInt(count.group(1)));
    }
    return counts;
  }

  /** The reads of the plan that scan a table or seek an index on a prefix of its columns only (empty: none). */
  public static List<String> partialReads(DataSource dataSource, String plan) throws SQLException {
    List<String> partial = new ArrayList<>();
    Matcher read = READ.matcher(plan);
    while (read.find()) {
      String index = read.group(1);
      String conditions = read.group(2) == null ? "" : read.group(2).strip().replaceAll("\\s+", " ");
      if (index.endsWith(".tableScan")) {
        partial.add("table scan of " + index.substring(0, index.length() - ".tableScan".length()));
        continue;
      }
      List<String> columns = columns(dataSource, index);
      List<String> sought = sought(columns, conditions);
      if (sought.size() < columns.size() && !stopsAtItsLimit(plan)) {
        partial.add(index + " " + columns + " sought by " + sought + " only: " + conditions);
      }
    }
    return partial;
  }

  /** An index read in the query's order that ends at the query's LIMIT reads that many rows, not the prefix. */
  private static boolean stopsAtItsLimit(String plan) {
    return plan.contains("/* index sorted */") && plan.contains("FETCH ");
  }

  private static List<String> sought(List<String> columns, String conditions) {
    Matcher rows = ROW_VALUES.matcher(conditions);
    if (rows.find()) {
      int arity = rows.group(1).split(",").length;
      return columns.subList(0, Math.min(arity, columns.size()));
    }
    return columns.stream().filter(column -> Pattern.compile("(?<![\\w.])" + column + "\\s*(=|<|>|IN\\()")
        .matcher(conditions).find()).toList();
  }

  private static List<String> columns(DataSource dataSource, String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
        SELECT column_name FROM information_schema.index_columns
        WHERE table_schema = 'public' AND index_name = ? ORDER BY ordinal_position""")) {
      query.setString(1, index);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalStateException("no index " + index + " in the plan's database");
    }
    return columns;
  }
}
