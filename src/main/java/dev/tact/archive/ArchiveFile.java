package dev.tact.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** An archive on disk, opened for reading: {@link #verify} checks every file against the manifest before use. */
final class ArchiveFile implements AutoCloseable {

  static final String SCHEMA = "schema.json";
  static final String SEQUENCES = "sequences.json";

  static String tablePath(String table) {
    return "tables/" + table + ".ndjson";
  }

  private final Path path;
  private final ZipFile zip;

  private ArchiveFile(Path path, ZipFile zip) {
    this.path = path;
    this.zip = zip;
  }

  static ArchiveFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ArchiveProblem("There is no archive at " + path);
    }
    try {
      return new ArchiveFile(path, new ZipFile(path.toFile(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ArchiveProblem("The archive is damaged: " + path + " is not a readable archive (" + e.getMessage()
          + ")", e);
    }
  }

  /** Reads the manifest and checks every file it lists (size, rows, SHA-256) and that nothing else is there. */
  Manifest verify() {
    return verify(true);
  }

  /**
   * The export's read-back of the archive it has just written: every listed file is there, inflates whole to its
   * size in the manifest and matches the CRC-32 the zip recorded when it wrote it, and nothing else is there. The
   * SHA-256 sums in the manifest were taken from those same bytes on their way into the zip, so they are not
   * computed a second time here; {@link #verify()} (import) recomputes them.
   */
  Manifest verifyWritten() {
    return verify(false);
  }

  private Manifest verify(boolean sums) {
    Manifest manifest = Manifest.parse(text(Manifest.PATH));
    if (!Manifest.FORMAT.equals(manifest.format())) {
      throw new ArchiveProblem("The archive is in the format " + manifest.format() + "; this Tact reads "
          + Manifest.FORMAT);
    }
    Set<String> listed = new HashSet<>();
    Map<String, Check> checks = checkAll(manifest.files(), sums);
    for (Manifest.Entry file : manifest.files()) {
      listed.add(file.path());
      Check check = checks.get(file.path());
      if (!check.matches(file) && check.sha256() == null) {
        throw new ArchiveProblem("The archive is damaged: " + file.path() + " does not read back as written (its size"
            + " or its CRC-32 differs)");
      }
      if (!check.matches(file)) {
        throw new ArchiveProblem("The archive is damaged: " + file.path() + " does not match its SHA-256 sum in the"
            + " manifest (expected " + file.sha256() + ", found " + check.sha256() + "). Nothing was imported.");
      }
    }
    for (var entries = zip.entries(); entries.hasMoreElements(); ) {
      String name = entries.nextElement().getName();
      if (!name.equals(Manifest.PATH) && !listed.contains(name)) {
        throw new ArchiveProblem("The archive is damaged: it holds " + name + ", which its manifest does not list");
      }
    }
    return manifest;
  }

  /** What a file holds: its size, and its lines and SHA-256 or (without sums) whether its CRC-32 matched. */
  private record Check(long bytes, long lines, String sha256, boolean crcMatches) {

    boolean matches(Manifest.Entry file) {
      if (sha256 == null) {
        return crcMatches && bytes == file.bytes();
      }
      return bytes == file.bytes() && sha256.equals(file.sha256())
          && (!file.path().startsWith("tables/") || lines == file.rows());
    }
  }

  /**
   * Reads the listed files on as many threads as there are cores, the largest first (each inflates and checks its
   * own file; the zip serves its raw bytes to all), and returns what each holds.
   */
  private Map<String, Check> checkAll(List<Manifest.Entry> files, boolean sums) {
    List<Manifest.Entry> largestFirst = files.stream()
        .sorted(Comparator.comparingLong(Manifest.Entry::bytes).reversed()).toList();
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), largestFirst.size()));
    Map<String, Check> checks = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("archive-check-", 0)
        .daemon().factory())) {
      List<Future<?>> done = new ArrayList<>();
      for (Manifest.Entry file : largestFirst) {
        done.add(pool.submit(() -> checks.put(file.path(), check(file.path(), sums))));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException problem) {
        throw problem;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArchiveProblem("The archive check was interrupted");
    }
    return checks;
  }

  private Check check(String name, boolean sums) {
    try (InputStream in = stream(name)) {
      byte[] buffer = new byte[1 << 16];
      long bytes = 0;
      if (!sums) {
        CRC32 crc = new CRC32();
        for (int read; (read = in.read(buffer)) > 0; ) {
          bytes += read;
          crc.update(buffer, 0, read);
        }
        return new Check(bytes, -1, null, crc.getValue() == zip.getEntry(name).getCrc());
      }
      MessageDigest digest = ArchiveExport.sha256();
      long lines = 0;
      for (int read; (read = in.read(buffer)) > 0; ) {
        bytes += read;
        digest.update(buffer, 0, read);
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
      return new Check(bytes, lines, HexFormat.of().formatHex(digest.digest()), true);
    } catch (ZipException e) {
      throw new ArchiveProblem("The archive is damaged: " + name + " cannot be read (" + e.getMessage()
          + "). Nothing was imported.", e);
    } catch (IOException e) {
      throw new ArchiveProblem("The archive " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  InputStream stream(String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new ArchiveProblem("The archive is damaged: it has no " + name);
    }
    return zip.getInputStream(entry);
  }

  BufferedReader lines(String name) throws IOException {
    return new BufferedReader(new InputStreamReader(stream(name), StandardCharsets.UTF_8), 1 << 16);
  }

  String text(String name) {
    try (InputStream in = stream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArchiveProblem("The archive is damaged: " + name + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException e) {
      // nothing was written through it
    }
  }
}
