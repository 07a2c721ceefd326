package dev.tact.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where benchmarks find shared data: the test corpora next to the repository. */
public final class BenchData {

  private BenchData() {
  }

  /**
   * The corpora folder: system property {@code tact.corpora}, environment variable {@code TACT_CORPORA}, or
   * {@code ../shared/corpora} from the working directory.
   */
  public static Path corpora() {
    String configured = System.getProperty("tact.corpora", System.getenv("TACT_CORPORA"));
    Path path = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpora");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("corpora folder not found: " + path.toAbsolutePath()
          + " (set TACT_CORPORA or -Dtact.corpora)");
    }
    return path;
  }
}
