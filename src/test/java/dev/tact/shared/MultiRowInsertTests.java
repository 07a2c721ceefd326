package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Many rows per statement on H2 in PostgreSQL mode (the contracts run the same statements on PostgreSQL). */
class MultiRowInsertTests {

  private JdbcTemplate jdbc;

  @BeforeEach
  void table() {
    jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:multirow-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
    jdbc.execute("CREATE TABLE t (id UUID PRIMARY KEY, k VARCHAR(20) NOT NULL UNIQUE, n INT, body BYTEA)");
  }

  private static List<Object[]> rows(int count, String prefix) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(new Object[] {UUID.randomUUID(), prefix + i, i % 3 == 0 ? null : i, new byte[] {(byte) i}});
    }
    return rows;
  }

  @Test
  void shouldWriteEveryRowWithItsOwnValuesWhateverTheCountAgainstTheChunkSize() {
    MultiRowInsert insert = new MultiRowInsert("INSERT INTO t (id, k, n, body)", 4, "");
    for (int count : new int[] {0, 1, MultiRowInsert.ROWS, MultiRowInsert.ROWS * 2 + 37}) {
      jdbc.update("DELETE FROM t");
      List<Object[]> rows = rows(count, "k");
      assertThat(insert.insert(jdbc, rows)).isEqualTo(count);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isEqualTo(count);
      for (Object[] row : rows) {
        assertThat(jdbc.queryForList("SELECT k, n, body FROM t WHERE id = ?", row[0]).getFirst())
            .containsEntry("k", row[1]).containsEntry("n", row[2])
            .hasEntrySatisfying("body", b -> assertThat((byte[]) b).isEqualTo(row[3]));
      }
    }
  }

  @Test
  void shouldCountOnlyTheRowsWrittenWhenConflictsAreSkipped() {
    MultiRowInsert insert = new MultiRowInsert("INSERT INTO t (id, k, n, body)", 4, "ON CONFLICT DO NOTHING");
    List<Object[]> first = rows(150, "k");
    assertThat(insert.insert(jdbc, first)).isEqualTo(150);
    List<Object[]> again = rows(250, "k"); // keys k0..k149 are taken, k150..k249 are new
    assertThat(insert.insert(jdbc, again)).isEqualTo(100);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t WHERE id = ?", Integer.class, again.get(10)[0])).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t WHERE id = ?", Integer.class, again.get(200)[0])).isOne();
  }

  @Test
  void shouldRefuseARowWithTheWrongNumberOfValuesWritingNothing() {
    MultiRowInsert insert = new MultiRowInsert("INSERT INTO t (id, k, n, body)", 4, "");
    List<Object[]> rows = rows(3, "k");
    rows.set(1, new Object[] {UUID.randomUUID(), "short"});
    assertThatThrownBy(() -> insert.insert(jdbc, rows)).isInstanceOf(IllegalArgumentException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isZero();
  }
}
