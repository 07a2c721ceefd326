package dev.tact.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The bytes of one archive file on their way into a {@link DeflatingZip}: counted here and handed over in chunks (the
 * zip thread sums and deflates them).
 */
final class EntryOutput extends OutputStream {

  private final DeflatingZip zip;
  private byte[] chunk = new byte[DeflatingZip.CHUNK];
  private int filled;
  private long count;

  EntryOutput(DeflatingZip zip, String path) throws IOException {
    this.zip = zip;
    zip.begin(path);
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

  /** Ends the file in the zip; the future gives its SHA-256 in hex. */
  CompletableFuture<String> end() throws IOException {
    if (filled > 0) {
      handOver();
    }
    return zip.end();
  }

  private void handOver() throws IOException {
    count += filled;
    zip.write(chunk, filled);
    chunk = new byte[DeflatingZip.CHUNK];
    filled = 0;
  }
}
