package dev.tact.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Archive files deflated on a thread of their own into a spool file, one after the other: the reading thread hands
 * over filled chunks, this thread sums them (SHA-256, CRC-32) and deflates them (raw deflate at its fastest level),
 * so that reading rows and deflating them run on two cores; each reader of an export has its own. At most
 * {@link #IN_FLIGHT} chunks wait between the two, so memory stays bounded whatever the size of a file.
 * {@link ZipAssembler} then copies the deflated bytes into the archive.
 */
final class DeflatingSpool implements AutoCloseable {

  static final int CHUNK = 1 << 16;
  private static final int IN_FLIGHT = 16;

  /** One archive file in the spool: where its deflated bytes are, and what they inflate to. */
  record Spooled(String path, Path spool, long offset, long compressedBytes, long bytes, long crc32, String sha256) {}

  private sealed interface Step {}

  private record Begin(String path) implements Step {}

  private record Bytes(byte[] bytes, int length) implements Step {}

  private record End(CompletableFuture<Spooled> spooled) implements Step {}

  private record Finish() implements Step {}

  private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final Path file;
  private final CountingOutputStream out;
  private final Thread thread;
  private volatile IOException failure;
  private boolean finished;

  DeflatingSpool(Path file, String threadName) throws IOException {
    this.file = file;
    out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), CHUNK));
    thread = Thread.ofPlatform().name(threadName).daemon().start(this::drain);
  }

  void begin(String path) throws IOException {
    hand(new Begin(path));
  }

  /** Hands a chunk over; the caller must not touch the array afterwards. */
  void write(byte[] bytes, int length) throws IOException {
    hand(new Bytes(bytes, length));
  }

  /** Ends the file; the future completes once this thread has deflated all its bytes. */
  CompletableFuture<Spooled> end() throws IOException {
    CompletableFuture<Spooled> spooled = new CompletableFuture<>();
    hand(new End(spooled));
    return spooled;
  }

  /** Waits until every file handed over is in the spool file, on disk. */
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
      // a failed export: stop without waiting for the remaining work
      thread.interrupt();
      join();
      out.close();
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
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    byte[] deflated = new byte[CHUNK];
    MessageDigest digest = null;
    CRC32 crc = new CRC32();
    String path = null;
    long offset = 0;
    long bytes = 0;
    try {
      while (true) {
        Step step = steps.take();
        if (failure != null) {
          if (step instanceof End end) {
            end.spooled().completeExceptionally(failure);
          }
          continue;
        }
        try {
          switch (step) {
            case Begin begin -> {
              path = begin.path();
              digest = ArchiveExport.sha256();
              crc.reset();
              deflater.reset();
              offset = out.count();
              bytes = 0;
            }
            case Bytes chunk -> {
              digest.update(chunk.bytes(), 0, chunk.length());
              crc.update(chunk.bytes(), 0, chunk.length());
              bytes += chunk.length();
              deflater.setInput(chunk.bytes(), 0, chunk.length());
              while (!deflater.needsInput()) {
                out.write(deflated, 0, deflater.deflate(deflated));
              }
            }
            case End end -> {
              deflater.finish();
              while (!deflater.finished()) {
                out.write(deflated, 0, deflater.deflate(deflated));
              }
              end.spooled().complete(new Spooled(path, file, offset, out.count() - offset, bytes, crc.getValue(),
                  HexFormat.of().formatHex(digest.digest())));
            }
            case Finish done -> {
              out.close();
              return;
            }
          }
        } catch (IOException e) {
          // the caller sees it at its next hand-over; steps keep being taken so that it is never blocked
          failure = e;
          if (step instanceof End end) {
            end.spooled().completeExceptionally(e);
          }
          if (step instanceof Finish) {
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      // close(): the export failed elsewhere
    } finally {
      deflater.end();
    }
  }
}
