package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class PrivateDataFolderTests {

  @TempDir
  Path temp;

  @Test
  void shouldFindTheFolderOfAnH2FileDatabaseAndNothingElse() {
    assertThat(PrivateDataFolder.ofJdbcUrl("jdbc:h2:file:./data/tact;MODE=PostgreSQL").orElseThrow().folder())
        .isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(PrivateDataFolder.ofJdbcUrl("jdbc:h2:" + temp + "/db/tact").orElseThrow().folder())
        .isEqualTo(temp.resolve("db"));
    assertThat(PrivateDataFolder.ofJdbcUrl("jdbc:h2:~/tact").orElseThrow().folder())
        .isEqualTo(Path.of(System.getProperty("user.home")));
    for (String other : new String[] {"jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://db/~/tact",
        "jdbc:postgresql://127.0.0.1/tact", null}) {
      assertThat(PrivateDataFolder.ofJdbcUrl(other)).as(other).isEmpty();
    }
  }

  @Test
  void shouldMakeAMissingFolderPrivateFromTheStart() throws IOException {
    Path data = temp.resolve("new/data");

    PrivateDataFolder.ofJdbcUrl("jdbc:h2:file:" + data.resolve("tact")).orElseThrow().secure();

    assertThat(permissions(data)).isEqualTo("rwx------");
    assertThat(permissions(data.getParent())).isEqualTo("rwx------");
  }

  @Test
  void shouldTightenAnOpenFolderOfTactsFilesAndTheFilesInIt() throws IOException {
    Path data = open(Files.createDirectory(temp.resolve("data")));
    Path database = open(Files.writeString(data.resolve("tact.mv.db"), "db"));
    Path key = open(Files.writeString(data.resolve("secret.key"), "key"));

    new PrivateDataFolder(data, "tact").secure();

    assertThat(permissions(data)).isEqualTo("rwx------");
    assertThat(permissions(database)).isEqualTo("rw-------");
    assertThat(permissions(key)).isEqualTo("rw-------");
  }

  @Test
  void shouldLeaveAFolderSharedWithOtherFilesAsItIsButTightenTactsFiles() throws IOException {
    Path shared = open(Files.createDirectory(temp.resolve("home")));
    Path notes = open(Files.writeString(shared.resolve("notes.txt"), "someone else's"));
    Path database = open(Files.writeString(shared.resolve("tact.mv.db"), "db"));

    new PrivateDataFolder(shared, "tact").secure();

    assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
    assertThat(permissions(notes)).isEqualTo("rw-r--r--");
    assertThat(permissions(database)).isEqualTo("rw-------");
  }

  @Test
  void shouldTightenTactsFilesMadeInTheFolderLater() throws IOException {
    Path data = temp.resolve("data");
    try (PrivateDataFolder folder = new PrivateDataFolder(data, "tact")) {
      folder.secure();
      folder.watch();

      Path trace = createOpen(data.resolve("tact.trace.db"));
      Path temporary = createOpen(data.resolve("tact.17.temp.db"));

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(permissions(trace)).isEqualTo("rw-------");
        assertThat(permissions(temporary)).isEqualTo("rw-------");
      });
    }
  }

  /** A file made as H2 makes its own: readable by others from the first moment (this machine's umask is 022). */
  private static Path createOpen(Path path) throws IOException {
    return Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
  }

  private static Path open(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
        : "rw-r--r--"));
    return path;
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
