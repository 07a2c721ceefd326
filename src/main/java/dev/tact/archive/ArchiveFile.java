package dev.tact.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
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
    for (Manifest.Entry file : manifest.files()) {
      listed.add(file.path());
      Check check = check(file.path());
      if (check.bytes() != file.bytes() || !check.sha256().equals(file.sha256())
          || (file.path().startsWith("tables/") && check.lines() != file.rows())) {
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

  private record Check(long bytes, long lines, String sha256) {}

  private Check check(String name) {
    try (InputStream raw = stream(name)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      long bytes = 0;
      long lines = 0;
      try (DigestInputStream in = new DigestInputStream(raw, digest)) {
        for (int read; (read = in.read(buffer)) > 0; ) {
          bytes += read;
          for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
      }
      return new Check(bytes, lines, HexFormat.of().formatHex(digest.digest()));
    } catch (ZipException e) {
      throw new ArchiveProblem("The archive is damaged: " + name + " cannot be read (" + e.getMessage()
          + "). Nothing was imported.", e);
    } catch (IOException e) {
      throw new ArchiveProblem("The archive " + path + " cannot be read: " + e.getMessage(), e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
