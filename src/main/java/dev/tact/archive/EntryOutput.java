package dev.tact.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The bytes of one archive file on their way into a {@link DeflatingSpool}: counted here and handed over in chunks
 * (the spool's thread sums and deflates them).
 */
final class EntryOutput extends OutputStream {

  private final DeflatingSpool spool;
  private byte[] chunk = new byte[DeflatingSpool.CHUNK];
  private int filled;
  private long count;

  EntryOutput(DeflatingSpool spool, String path) throws IOException {
    this.spool = spool;
    spool.begin(path);
  }

  @Override
  public void write(int b) throws IOException {
    if (filled == chunk.length) {
      handOver();
    }
    chunk[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (filled == chunk.length) {
        handOver();
      }
      int part = Math.min(length, chunk.length - filled);
      System.arraycopy(bytes, offset, chunk, filled, part);
      filled += part;
      offset += part;
      length -= part;
    }
  }

  long bytes() {
    return count;
  }

  /** Ends the file; the future says where its deflated bytes are and gives its SHA-256. */
  CompletableFuture<DeflatingSpool.Spooled> end() throws IOException {
    if (filled > 0) {
      handOver();
    }
    return spool.end();
  }

  private void handOver() throws IOException {
    count += filled;
    spool.write(chunk, filled);
    chunk = new byte[DeflatingSpool.CHUNK];
    filled = 0;
  }
}
