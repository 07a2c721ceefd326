package dev.tact.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.compose.Replies;
import dev.tact.intake.MessageIntake;
import dev.tact.policy.ConsentLedger;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.PostgresTestDatabase;
import dev.tact.testsupport.RequiresPostgres;
import dev.tact.testsupport.TactTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Moving from the embedded database to PostgreSQL: data made through the application on H2, exported, imported into
 * an empty PostgreSQL database with the {@code import} command, exported again from there: the two manifests are
 * identical, byte for byte. The same H2 context as {@link ArchiveRoundTripIntegrationTests}.
 */
@RequiresPostgres
@TactTest
class ArchiveRoundTripOnPostgresIntegrationTests {

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

  @TempDir
  Path folder;

  @Test
  void shouldGiveAnIdenticalManifestAfterH2ToPostgresAndBack() throws Exception {
    ArchiveData.make(staff, intake, replies, consent, jdbc);
    Path fromH2 = folder.resolve("from-h2.zip");
    Manifest exported = export.export(fromH2).manifest();
    String postgres = PostgresTestDatabase.create();

    assertThat(ArchiveCommand.run(new String[] {"import", fromH2.toString(), "--spring.datasource.url=" + postgres}))
        .isZero();
    Path fromPostgres = folder.resolve("from-postgres.zip");
    assertThat(ArchiveCommand.run(new String[] {"export", fromPostgres.toString(),
        "--spring.datasource.url=" + postgres})).isZero();

    assertThat(ArchiveRoundTripIntegrationTests.manifestOf(fromPostgres))
        .isEqualTo(ArchiveRoundTripIntegrationTests.manifestOf(fromH2));
    JdbcClient restored = JdbcClient.create(new DriverManagerDataSource(postgres));
    assertThat(restored.sql("SELECT COUNT(*) FROM conv_message").query(Long.class).single())
        .isEqualTo(exported.rowsOf("tables/conv_message.ndjson"));
    byte[] attachment = restored.sql("SELECT b.content FROM mail_blob b JOIN mail_attachment a ON a.sha256 = b.sha256"
        + " WHERE a.filename = :name").param("name", "invoice.bin").query(byte[].class).list().getFirst();
    assertThat(attachment).isEqualTo(ArchiveData.ATTACHMENT);
  }
}
