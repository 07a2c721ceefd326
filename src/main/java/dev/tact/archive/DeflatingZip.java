package dev.tact.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written on a thread of its own: the caller hands over entries and filled chunks of their bytes, the zip thread
 * sums (SHA-256), deflates and writes them, so that reading rows and deflating them run on two cores. At most {@link #IN_FLIGHT}
 * chunks wait between the two, so memory stays bounded whatever the size of an entry.
 */
final class DeflatingZip implements AutoCloseable {

  static final int CHUNK = 1 << 16;
  private static final int IN_FLIGHT = 16;

  private sealed interface Step {}

  private record Begin(String path) implements Step {}

  private record Bytes(byte[] bytes, int length) implements Step {}

  private record End(CompletableFuture<String> sha256) implements Step {}

  private record Finish() implements Step {}

  private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final ZipOutputStream zip;
  private final Thread thread;
  private volatile IOException failure;
  private boolean finished;

  DeflatingZip(Path file) throws IOException {
    zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), CHUNK), StandardCharsets.UTF_8);
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

  /** Writes the zip's directory and waits until everything is on disk. */
  void finish() throws IOException {
    hand(new Finish());
    join();
    finished = true;
    if (failure != null) {
      throw failure;
    }
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
    try {
      while (true) {
        Step step = steps.take();
        if (failure != null) {
          if (step instanceof End end) {
            end.sha256().completeExceptionally(failure);
          }
          continue;
        }
        try {
          switch (step) {
            case Begin begin -> {
              ZipEntry entry = new ZipEntry(begin.path());
              entry.setTime(0);
              zip.putNextEntry(entry);
              digest = ArchiveExport.sha256();
            }
            case Bytes bytes -> {
              digest.update(bytes.bytes(), 0, bytes.length());
              zip.write(bytes.bytes(), 0, bytes.length());
            }
            case End end -> {
              zip.closeEntry();
              end.sha256().complete(HexFormat.of().formatHex(digest.digest()));
            }
            case Finish done -> {
              zip.close();
              return;
            }
          }
        } catch (IOException e) {
          // the caller sees it at its next hand-over; steps keep being taken so that it is never blocked
          failure = e;
          if (step instanceof End end) {
            end.sha256().completeExceptionally(e);
          }
          if (step instanceof Finish) {
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      // close(): the export failed elsewhere
    }
  }
}
