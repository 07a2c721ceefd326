package dev.tact.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A table read through PostgreSQL's binary copy gives the same bytes as through JDBC, value kind by value kind, edge
 * values included (infinities, times before 1970 and before 1000, empty and escaped text, a value larger than a copy
 * message buffer).
 */
@RequiresPostgres
class PostgresCopyRowsIntegrationTests {

  @Test
  void shouldWriteTheSameRowsThroughTheBinaryCopyAsThroughJdbc() throws Exception {
    try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.create())) {
      try (Statement s = connection.createStatement()) {
        s.execute("""
            CREATE TABLE every_kind (id bigserial PRIMARY KEY, t text, v varchar(40), c char(5), i2 smallint,
              i4 integer, i8 bigint, b boolean, f4 real, f8 double precision, u uuid, tz timestamptz,
              ts timestamp, d date, bytes bytea)""");
        s.execute("""
            INSERT INTO every_kind (t, v, c, i2, i4, i8, b, f4, f8, u, tz, ts, d, bytes) VALUES
            ('Grüße "quoted" back\\slash' || chr(9) || chr(10) || chr(1) || ' € 😀', '', 'ab', -32768, -2147483648,
              -9223372036854775808, true, 0.1, 0.1, '00000000-0000-000f-0000-0000000000a0',
              '2026-12-07 04:33:14.14444+00', '2026-12-07 04:33:14.1', '2026-12-07', '\\x00ff61'),
            (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            ('x', 'y', 'abcde', 32767, 2147483647, 9223372036854775807, false, 'NaN', '-Infinity',
              'ffffffff-ffff-ffff-ffff-ffffffffffff', '1969-12-31 23:59:59.999999+00', '0099-01-01 00:00:00',
              '0001-01-01', ''),
            ('', 'z', 'a', 0, 0, 0, false, 'Infinity', 1e300, gen_random_uuid(), 'infinity', 'infinity',
              'infinity', '\\x01'),
            ('y', 'z', 'a', 1, 1, 1, true, -0.0, 5e-324, gen_random_uuid(), '-infinity', '-infinity',
              '-infinity', '\\x0102'),
            ('w', 'z', 'a', 1, 1, 1, true, 3.4e38, 2.5, gen_random_uuid(), '0999-06-30 12:00:00+00',
              '1970-01-01 00:00:00', '1999-12-31', '\\x010203'),
            ('v', 'z', 'a', 1, 1, 1, true, 1, 2, gen_random_uuid(), '10000-01-01 00:00:00.000001+00',
              '2000-01-01 00:00:00.123456', '2000-01-01', '\\x01020304'),
            ('u', 'z', 'a', 1, 1, 1, true, 1, 2, gen_random_uuid(), '2000-01-01 00:00:00+00',
              '2000-01-01 00:00:00', '2000-01-01', NULL)""");
      }
      Random random = new Random(20);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO every_kind (t, tz, bytes) VALUES (?, to_timestamp(?), ?)")) {
        for (int i = 0; i < 200; i++) {
          byte[] large = new byte[i == 0 ? 300_000 : random.nextInt(100)];
          random.nextBytes(large);
          insert.setString(1, "row " + i + " " + "ä".repeat(random.nextInt(40)));
          // seconds with microseconds, from the year 1000 to 9999
          insert.setDouble(2, (random.nextLong(-30_610_224_000L, 253_402_300_799L) + random.nextInt(1_000_000) / 1e6));
          insert.setBytes(3, large);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.setAutoCommit(false);
      DatabaseSchema.Table table = DatabaseSchema.read(connection).tables().stream()
          .filter(t -> t.name().equals("every_kind")).findFirst().orElseThrow();
      PostgresBinaryColumn[] columns = PostgresCopyRows.readers(table.columns());
      assertThat(columns).as("every column of the table is read through the copy").isNotNull();
      String select = ArchiveExport.select(Dialect.POSTGRESQL, table);

      ByteArrayOutputStream copied = new ByteArrayOutputStream();
      long copiedRows = PostgresCopyRows.write(connection, select, columns, new CanonicalRow(), copied);
      ByteArrayOutputStream fetched = new ByteArrayOutputStream();
      long fetchedRows = ArchiveExport.jdbcRows(connection, Dialect.POSTGRESQL, table, select, fetched);

      assertThat(copiedRows).isEqualTo(fetchedRows).isEqualTo(208);
      assertThat(copied.toString(java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(fetched.toString(java.nio.charset.StandardCharsets.UTF_8));
      connection.rollback();
    }
  }

  @Test
  void shouldLeaveATableWithATypeItDoesNotReadToJdbc() throws Exception {
    try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.create());
        Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE priced (id integer PRIMARY KEY, price numeric(10, 2))");
      DatabaseSchema.Table table = DatabaseSchema.read(connection).tables().getFirst();

      assertThat(PostgresCopyRows.readers(table.columns())).isNull();
    }
  }
}
