package dev.tact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's zip as the export writes it (files deflated into spools, copied whole, every size in ZIP64 form) reads
 * back and verifies as the import reads it, a changed byte is refused, and an archive written the way earlier Tact
 * versions wrote it ({@link ZipOutputStream}, data descriptors) still verifies.
 */
class ZipAssemblerTests {

  @TempDir
  Path folder;

  private static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("tables/b.ndjson", "[\"x\",1]\n[\"y\",2]\n".repeat(20_000));
    FILES.put("tables/a.ndjson", "[\"Grüße\",null]\n");
    FILES.put(ArchiveFile.SCHEMA, "{\"tables\":[]}\n");
    FILES.put(ArchiveFile.SEQUENCES, "{\n}\n");
  }

  @Test
  void anAssembledArchiveVerifiesAsWrittenAndAsImported() throws Exception {
    Path archive = folder.resolve("new.zip");
    ZipAssembler.Written written = assemble(archive);

    try (ArchiveFile file = ArchiveFile.open(archive)) {
      assertThat(file.verifyWritten(written).files()).extracting(Manifest.Entry::path)
          .containsExactlyInAnyOrderElementsOf(FILES.keySet());
      Manifest verified = file.verify();
      assertThat(verified.rowsOf("tables/b.ndjson")).isEqualTo(40_000);
      assertThat(file.text("tables/a.ndjson")).isEqualTo(FILES.get("tables/a.ndjson"));
    }
    Path again = folder.resolve("again.zip");
    assemble(again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(archive));
  }

  @Test
  void aByteChangedOnDiskIsRefusedByTheReadBack() throws Exception {
    Path archive = folder.resolve("new.zip");
    ZipAssembler.Written written = assemble(archive);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 3] ^= 0x01;
    Files.write(archive, bytes);

    try (ArchiveFile file = ArchiveFile.open(archive)) {
      assertThatThrownBy(() -> file.verifyWritten(written)).isInstanceOf(ArchiveProblem.class)
          .hasMessageContaining("does not read back as written");
    }
  }

  @Test
  void anArchiveWrittenByEarlierVersionsStillVerifies() throws IOException {
    Path archive = folder.resolve("old.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive), StandardCharsets.UTF_8)) {
      zip.setLevel(Deflater.BEST_SPEED);
      for (Map.Entry<String, String> file : FILES.entrySet()) {
        put(zip, file.getKey(), file.getValue());
      }
      put(zip, Manifest.PATH, manifest().toJson());
    }

    try (ArchiveFile file = ArchiveFile.open(archive)) {
      assertThat(file.verify()).isEqualTo(manifest());
    }
  }

  private ZipAssembler.Written assemble(Path archive) throws IOException, SQLException {
    List<DeflatingSpool.Spooled> spooled = new ArrayList<>();
    Path spoolFile = folder.resolve(archive.getFileName() + ".spool");
    try (DeflatingSpool spool = new DeflatingSpool(spoolFile, "test-deflate")) {
      List<ArchiveExport.Written> written = new ArrayList<>();
      for (Map.Entry<String, String> file : FILES.entrySet()) {
        written.add(ArchiveExport.write(spool, file.getKey(), out -> text(out, file.getValue())));
      }
      written.add(ArchiveExport.write(spool, Manifest.PATH, out -> text(out, manifest().toJson())));
      spool.finish();
      for (ArchiveExport.Written file : written) {
        spooled.add(file.spooled());
      }
    }
    return ZipAssembler.assemble(archive, spooled);
  }

  private static Manifest manifest() {
    List<Manifest.Entry> entries = new ArrayList<>();
    FILES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
      byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
      long rows = file.getKey().startsWith("tables/") ? file.getValue().chars().filter(c -> c == '\n').count() : 0;
      entries.add(new Manifest.Entry(file.getKey(), bytes.length, rows,
          HexFormat.of().formatHex(ArchiveExport.sha256().digest(bytes))));
    });
    return new Manifest(Manifest.FORMAT, "87", List.copyOf(entries));
  }

  private static long text(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    return 0;
  }

  private static void put(ZipOutputStream zip, String path, String text) throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setTime(0);
    zip.putNextEntry(entry);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
