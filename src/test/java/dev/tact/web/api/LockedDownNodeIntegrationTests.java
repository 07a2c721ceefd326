package dev.tact.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.testsupport.TactNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node started as the README's Operations part tells a careful operator: its H2 database in a data folder of its
 * own, the API documentation switched off. The folder and every file in it, those H2 makes later too, are the
 * user's alone; the documentation is not there at all.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LockedDownNodeIntegrationTests {

  @TempDir
  static Path folder;

  static Path data;
  static TactNode node;

  @BeforeAll
  static void start() {
    data = folder.resolve("data");
    node = TactNode.start(TactNode.h2File(data), "--tact.api.docs-enabled=false", "--tact.routing.enabled=false",
        "--tact.intake.imap.enabled=false");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void shouldKeepTheDataFolderAndItsFilesPrivateToTheUserIncludingFilesMadeLater() throws IOException {
    assertThat(permissions(data)).isEqualTo("rwx------");
    List<Path> files = filesIn(data);
    assertThat(files).extracting(f -> f.getFileName().toString()).contains("tact.mv.db");
    assertThat(files).allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));

    Path later = Files.writeString(data.resolve("tact.later.trace.db"), "what H2 writes after the start");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(permissions(later)).isEqualTo("rw-------"));
  }

  @Test
  void shouldAnswer404ForTheApiDocumentationWhenItIsSwitchedOff() {
    for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
        "/swagger-ui/index.html")) {
      assertThat(node.get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(node.get("/api/v1/conversations").status()).isEqualTo(200);
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
