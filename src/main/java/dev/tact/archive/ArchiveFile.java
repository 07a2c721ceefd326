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
    Manifest manifest = Manifest.parse(text(Manifest.PATH));
    if (!Manifest.FORMAT.equals(manifest.format())) {
      throw new ArchiveProblem("The archive is in the format " + manifest.format() + "; this Tact reads "
          + Manifest.FORMAT);
    }
    Set<String> listed = new HashSet<>();
    Map<String, Check> checks = checkAll(manifest.files());
    for (Manifest.Entry file : manifest.files()) {
      listed.add(file.path());
      Check check = checks.get(file.path());
      if (!check.matches(file)) {
        throw new ArchiveProblem("The archive is damaged: " + file.path() + " does not match its SHA-256 sum in the"
            + " manifest (expected " + file.sha256() + ", found " + check.sha256() + "). Nothing was imported.");
      }
    }
    refuseUnlisted(listed);
    return manifest;
  }

  /**
   * The export's read-back of the archive it has just written: the file on disk holds exactly the bytes the zip
   * writer produced (its length and the CRC-32 of all its bytes, read back raw), its directory lists every file of the
   * manifest with the manifest's size and the CRC-32 the writer recorded for it, and nothing else. The entries are not
   * inflated again: the SHA-256 sums in the manifest were taken from the same bytes on their way into the deflater,
   * and {@link #verify()} (import) inflates and sums every file before anything is written.
   */
  Manifest verifyWritten(ZipAssembler.Written written) {
    checkRawBytes(written);
    Manifest manifest = Manifest.parse(text(Manifest.PATH));
    Set<String> listed = new HashSet<>();
    for (Manifest.Entry file : manifest.files()) {
      listed.add(file.path());
      ZipEntry entry = zip.getEntry(file.path());
      Long crc = written.entryCrcs().get(file.path());
      if (entry == null || crc == null || entry.getSize() != file.bytes() || entry.getCrc() != crc) {
        throw new ArchiveProblem("The archive is damaged: " + file.path() + " does not read back as written (missing,"
            + " or its size or its CRC-32 differs)");
      }
    }
    refuseUnlisted(listed);
    return manifest;
  }

  private void checkRawBytes(ZipAssembler.Written written) {
    try (InputStream in = Files.newInputStream(path)) {
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[1 << 20];
      long bytes = 0;
      for (int read; (read = in.read(buffer)) > 0; ) {
        bytes += read;
        crc.update(buffer, 0, read);
      }
      if (bytes != written.bytes() || crc.getValue() != written.crc32()) {
        throw new ArchiveProblem("The archive is damaged: " + path + " does not read back as written (" + bytes
            + " bytes where " + written.bytes() + " were written, or their CRC-32 differs)");
      }
    } catch (IOException e) {
      throw new ArchiveProblem("The archive " + path + " cannot be read back: " + e.getMessage(), e);
    }
  }

  private void refuseUnlisted(Set<String> listed) {
    for (var entries = zip.entries(); entries.hasMoreElements(); ) {
      String name = entries.nextElement().getName();
      if (!name.equals(Manifest.PATH) && !listed.contains(name)) {
        throw new ArchiveProblem("The archive is damaged: it holds " + name + ", which its manifest does not list");
      }
    }
  }

  /** What a file holds: its size, its lines and its SHA-256. */
  private record Check(long bytes, long lines, String sha256) {

    boolean matches(Manifest.Entry file) {
      return bytes == file.bytes() && sha256.equals(file.sha256())
          && (!file.path().startsWith("tables/") || lines == file.rows());
    }
  }

  /**
   * Reads the listed files on as many threads as there are cores, the largest first (each inflates and checks its
   * own file; the zip serves its raw bytes to all), and returns what each holds.
   */
  private Map<String, Check> checkAll(List<Manifest.Entry> files) {
    List<Manifest.Entry> largestFirst = files.stream()
        .sorted(Comparator.comparingLong(Manifest.Entry::bytes).reversed()).toList();
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), largestFirst.size()));
    Map<String, Check> checks = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("archive-check-", 0)
        .daemon().factory())) {
      List<Future<?>> done = new ArrayList<>();
      for (Manifest.Entry file : largestFirst) {
        done.add(pool.submit(() -> checks.put(file.path(), check(file.path()))));
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

  private Check check(String name) {
    try (InputStream in = stream(name)) {
      byte[] buffer = new byte[1 << 16];
      long bytes = 0;
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
      return new Check(bytes, lines, HexFormat.of().formatHex(digest.digest()));
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
