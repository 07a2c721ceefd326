package dev.tact.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The bytes of one archive file on their way into a {@link DeflatingZip}: counted and summed (SHA-256) here, in
 * chunks, before the zip thread deflates them.
 */
final class EntryOutput extends OutputStream {

  private final DeflatingZip zip;
  private final MessageDigest digest = ArchiveExport.sha256();
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

  /** Ends the file in the zip and returns its SHA-256 in hex. */
  String end() throws IOException {
    if (filled > 0) {
      handOver();
    }
    zip.end();
    return HexFormat.of().formatHex(digest.digest());
  }

  private void handOver() throws IOException {
    digest.update(chunk, 0, filled);
    count += filled;
    zip.write(chunk, filled);
    chunk = new byte[DeflatingZip.CHUNK];
    filled = 0;
  }
}
