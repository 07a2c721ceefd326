package dev.tact.intake.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Collects a message's bytes, refusing to hold more than a limit. */
final class CappedBuffer extends OutputStream {

  /** Thrown once the message turns out larger than the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private final ByteArrayOutputStream bytes;

  CappedBuffer(long limit, int expected) {
    this.limit = limit;
    this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 1024), Math.max(limit, 1)));
  }

  @Override
  public void write(int b) throws IOException {
    ensureRoom(1);
    bytes.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureRoom(len);
    bytes.write(b, off, len);
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  private void ensureRoom(int more) throws TooLargeException {
    if ((long) bytes.size() + more > limit) {
      throw new TooLargeException(limit);
    }
  }
}
