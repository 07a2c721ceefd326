package dev.tact.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written on a thread of its own: the caller hands over entries and filled chunks of their bytes, the zip thread
 * sums (SHA-256), deflates and writes them, so that reading rows and deflating them run on two cores. At most {@link #IN_FLIGHT}
 * chunks wait between the two, so memory stays bounded whatever the size of an entry. It also takes whole entries
 * from a spool file (a table another connection read meanwhile), and keeps the CRC-32 of every byte it wrote to the
 * file and of every entry, for the read-back ({@link Written}).
 */
final class DeflatingZip implements AutoCloseable {

  static final int CHUNK = 1 << 16;
  private static final int IN_FLIGHT = 16;

  private sealed interface Step {}

  private record Begin(String path) implements Step {}

  private record Bytes(byte[] bytes, int length) implements Step {}

  private record End(CompletableFuture<String> sha256) implements Step {}

  private record FromSpool(String path, Path spool, CompletableFuture<String> sha256) implements Step {}

  private record Finish() implements Step {}

  /** What the zip thread wrote: the file's length and CRC-32, and each entry's CRC-32 as the zip recorded it. */
  record Written(long bytes, long crc32, Map<String, Long> entryCrcs) {}

  private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final CRC32 fileCrc = new CRC32();
  private final Map<String, Long> entryCrcs = new ConcurrentHashMap<>();
  private final CountingOutputStream file;
  private final ZipOutputStream zip;
  private final Thread thread;
  private volatile IOException failure;
  private boolean finished;

  DeflatingZip(Path file) throws IOException {
    this.file = new CountingOutputStream(new CheckedOutputStream(Files.newOutputStream(file), fileCrc));
    zip = new ZipOutputStream(new BufferedOutputStream(this.file, CHUNK), StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_SPEED);
    thread = Thread.ofPlatform().name("archive-deflate").daemon().start(this::drain);
  }

  void begin(String path) throws IOException {
    hand(new Begin(path));
  }

  /** Hands a chunk over; the caller must not touch the array afterwards. */
  void write(byte[] bytes, int length) throws IOException {
    hand(new Bytes(bytes, length));
  }

  /** Ends the entry; the future gives its SHA-256 in hex once the zip thread has taken all its bytes. */
  CompletableFuture<String> end() throws IOException {
    CompletableFuture<String> sha256 = new CompletableFuture<>();
    hand(new End(sha256));
    return sha256;
  }

  /**
   * Adds a whole entry from a spool file (deleted once read); the future gives its SHA-256 in hex once the zip thread
   * has taken all its bytes.
   */
  CompletableFuture<String> addSpooled(String path, Path spool) throws IOException {
    CompletableFuture<String> sha256 = new CompletableFuture<>();
    hand(new FromSpool(path, spool, sha256));
    return sha256;
  }

  /** Writes the zip's directory, waits until everything is on disk and says what was written. */
  Written finish() throws IOException {
    hand(new Finish());
    join();
    finished = true;
    if (failure != null) {
      throw failure;
    }
    return new Written(file.count(), fileCrc.getValue(), Map.copyOf(entryCrcs));
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      // a failed export: stop the zip thread without waiting for its remaining work
      thread.interrupt();
      join();
      zip.close();
    }
  }

  private void hand(Step step) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      steps.put(step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("The export was interrupted");
    }
  }

  private void join() throws IOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("The export was interrupted");
    }
  }

  private void drain() {
    MessageDigest digest = null;
    ZipEntry current = null;
    try {
      while (true) {
        Step step = steps.take();
        if (failure != null) {
          failed(step, failure);
          continue;
        }
        try {
          switch (step) {
            case Begin begin -> {
              current = putEntry(begin.path());
              digest = ArchiveExport.sha256();
            }
            case Bytes bytes -> {
              digest.update(bytes.bytes(), 0, bytes.length());
              zip.write(bytes.bytes(), 0, bytes.length());
            }
            case End end -> end.sha256().complete(close(current, digest));
            case FromSpool spooled -> {
              try {
                ZipEntry entry = putEntry(spooled.path());
                MessageDigest sum = ArchiveExport.sha256();
                try (InputStream in = Files.newInputStream(spooled.spool())) {
                  byte[] buffer = new byte[CHUNK];
                  for (int read; (read = in.read(buffer)) > 0; ) {
                    sum.update(buffer, 0, read);
                    zip.write(buffer, 0, read);
                  }
                }
                spooled.sha256().complete(close(entry, sum));
              } finally {
                Files.deleteIfExists(spooled.spool());
              }
            }
            case Finish done -> {
              zip.close();
              return;
            }
          }
        } catch (IOException e) {
          // the caller sees it at its next hand-over; steps keep being taken so that it is never blocked
          failure = e;
          failed(step, e);
          if (step instanceof Finish) {
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      // close(): the export failed elsewhere
    }
  }

  private ZipEntry putEntry(String path) throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setTime(0);
    zip.putNextEntry(entry);
    return entry;
  }

  private String close(ZipEntry entry, MessageDigest digest) throws IOException {
    zip.closeEntry();
    entryCrcs.put(entry.getName(), entry.getCrc());
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void failed(Step step, IOException cause) {
    if (step instanceof End end) {
      end.sha256().completeExceptionally(cause);
    } else if (step instanceof FromSpool spooled) {
      spooled.sha256().completeExceptionally(cause);
    }
  }
}
