package dev.tact.shared;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with few statements: {@value #ROWS} rows per {@code INSERT ... VALUES (...), (...), ...} instead
 * of one execution per row (a JDBC batch of single-row INSERTs still costs PostgreSQL a bind and an execute each).
 * Plain SQL, so H2 runs it as well. The statement for a full chunk is always the same text, so drivers and the
 * database reuse its plan.
 */
public final class MultiRowInsert {

  /** Rows per statement: 100 rows of 22 columns stay far below PostgreSQL's 65,535 parameters. */
  public static final int ROWS = 100;

  private final String head;
  private final String row;
  private final String tail;
  private final int columns;

  /**
   * @param head e.g. {@code INSERT INTO t (a, b)}
   * @param columns how many parameters each row has (its values in order)
   * @param tail what follows the rows, e.g. {@code ON CONFLICT DO NOTHING}, or empty
   */
  public MultiRowInsert(String head, int columns, String tail) {
    if (columns < 1 || columns * ROWS > 65_535) {
      throw new IllegalArgumentException("1 to " + 65_535 / ROWS + " columns");
    }
    this.head = head.strip() + " VALUES ";
    this.row = "(" + "?, ".repeat(columns - 1) + "?)";
    this.tail = tail == null || tail.isBlank() ? "" : " " + tail.strip();
    this.columns = columns;
  }

  /** Inserts the rows (each {@code columns} values, set with {@code setObject}); answers how many rows were written. */
  public int insert(JdbcTemplate jdbc, List<Object[]> rows) {
    int written = 0;
    String full = null;
    for (int from = 0; from < rows.size(); from += ROWS) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
      String sql;
      if (chunk.size() == ROWS) {
        sql = full == null ? full = statement(ROWS) : full;
      } else {
        sql = statement(chunk.size());
      }
      written += jdbc.update(sql, ps -> {
        int i = 1;
        for (Object[] values : chunk) {
          if (values.length != columns) {
            throw new IllegalArgumentException("a row has " + values.length + " values, not " + columns);
          }
          for (Object value : values) {
            ps.setObject(i++, value);
          }
        }
      });
    }
    return written;
  }

  private String statement(int rows) {
    StringBuilder sql = new StringBuilder(head.length() + rows * (row.length() + 2) + tail.length()).append(head);
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "" : ", ").append(row);
    }
    return sql.append(tail).toString();
  }
}
