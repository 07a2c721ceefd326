package dev.tact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.compose.Replies;
import dev.tact.intake.MessageIntake;
import dev.tact.policy.ConsentLedger;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.TactTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Export and import on H2: data made through the application survives a round trip into another database with an
 * identical manifest; a damaged archive and a database that is not empty are refused and nothing is written. The
 * shared {@link TactTest} context (the archive holds the other tests' data too); the PostgreSQL round trip is
 * {@link ArchiveRoundTripOnPostgresIntegrationTests}.
 */
@TactTest
class ArchiveRoundTripIntegrationTests {

  @Autowired
  StaffDirectory staff;

  @Autowired
  MessageIntake intake;

  @Autowired
  Replies replies;

  @Autowired
  ConsentLedger consent;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ArchiveExport export;

  @Value("${spring.datasource.url}")
  String ownDatabase;

  @TempDir
  Path folder;

  @Test
  void shouldRestoreEverythingIntoAnotherDatabaseWithAnIdenticalManifest() throws Exception {
    ArchiveData.make(staff, intake, replies, consent, jdbc);
    Path first = folder.resolve("first.zip");
    Manifest exported = export.export(first).manifest();
    String copy = emptyH2();

    assertThat(ArchiveCommand.run(new String[] {"import", first.toString(), "--spring.datasource.url=" + copy}))
        .isZero();
    Path second = folder.resolve("second.zip");
    assertThat(ArchiveCommand.run(new String[] {"export", second.toString(), "--spring.datasource.url=" + copy}))
        .isZero();

    assertThat(manifestOf(second)).isEqualTo(manifestOf(first));
    assertThat(exported.rowsOf("tables/conv_message.ndjson")).isGreaterThanOrEqualTo(2);
    for (String table : new String[] {"contact_contact", "contact_identity", "conv_conversation", "mail_blob",
        "mail_attachment", "policy_consent", "audit_entry", "staff_agent", "intake_item", "delivery_outbox"}) {
      assertThat(exported.rowsOf("tables/" + table + ".ndjson")).as(table).isPositive();
    }
    JdbcClient restored = JdbcClient.create(new DriverManagerDataSource(copy, "sa", ""));
    // every exported message is in the copy (counted against the archive: tests in the shared context may add
    // messages to the live database meanwhile)
    assertThat(restored.sql("SELECT COUNT(*) FROM conv_message").query(Long.class).single())
        .isEqualTo(exported.rowsOf("tables/conv_message.ndjson"));
  }

  @Test
  void shouldRefuseADamagedArchiveAndWriteNothing() throws Exception {
    ArchiveData.make(staff, intake, replies, consent, jdbc);
    Path archive = folder.resolve("good.zip");
    export.export(archive);
    Path damaged = folder.resolve("damaged.zip");
    rewriteWithOneRowChanged(archive, damaged, "tables/conv_message.ndjson");
    DataSource target = new DriverManagerDataSource(emptyH2(), "sa", "");

    assertThatThrownBy(() -> importer(target).importFrom(damaged))
        .isInstanceOf(ArchiveProblem.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("tables/conv_message.ndjson");
    assertThat(tablesIn(target)).isZero();

    Path truncated = folder.resolve("truncated.zip");
    byte[] bytes = Files.readAllBytes(archive);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> importer(target).importFrom(truncated))
        .isInstanceOf(ArchiveProblem.class)
        .hasMessageContaining("damaged");
    assertThat(tablesIn(target)).isZero();
  }

  @Test
  void shouldRefuseADatabaseThatIsNotEmpty() throws Exception {
    ArchiveData.make(staff, intake, replies, consent, jdbc);
    Path archive = folder.resolve("archive.zip");
    export.export(archive);
    long messages = jdbc.sql("SELECT COUNT(*) FROM conv_message").query(Long.class).single();

    int exit = ArchiveCommand.run(new String[] {"import", archive.toString(),
        "--spring.datasource.url=" + ownDatabase});

    assertThat(exit).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conv_message").query(Long.class).single()).isEqualTo(messages);
    DataSource own = new DriverManagerDataSource(ownDatabase, "sa", "");
    assertThatThrownBy(() -> importer(own).importFrom(archive))
        .isInstanceOf(ArchiveProblem.class)
        .hasMessageContaining("is not empty");
  }

  static String manifestOf(Path archive) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ArchiveImport importer(DataSource target) {
    return new ArchiveImport(target, new String[] {"classpath:db/migration"});
  }

  private static String emptyH2() {
    return "jdbc:h2:mem:archive-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }

  private static int tablesIn(DataSource target) throws SQLException {
    try (Connection connection = target.getConnection()) {
      return DatabaseSchema.allTables(connection).size();
    }
  }

  /** A copy of the archive, still a valid zip, in which one character of one table file differs. */
  private static void rewriteWithOneRowChanged(Path from, Path to, String entryName) throws IOException {
    try (ZipFile zip = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        byte[] content = zip.getInputStream(entry).readAllBytes();
        if (entry.getName().equals(entryName)) {
          String text = new String(content, StandardCharsets.UTF_8);
          int at = text.indexOf("lamp") + 1;
          assertThat(at).isPositive();
          content = (text.substring(0, at) + "X" + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
  }
}
