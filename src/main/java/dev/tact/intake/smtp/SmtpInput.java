package dev.tact.intake.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A client's bytes, read as command lines or as a DATA section, with limits on both. */
final class SmtpInput {

  /** A command line, or the news that it was longer than allowed (and was skipped to its end). */
  record Line(String text, boolean tooLong) {}

  /** A DATA section after dot-unstuffing: its bytes, or null when it was larger than allowed. */
  record Data(byte[] bytes, long size) {
    boolean tooLarge() {
      return bytes == null;
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int end;

  SmtpInput(InputStream in) {
    this.in = in;
  }

  /** The next line without its CRLF (a bare LF also ends it); null at the end of the stream. */
  Line readLine(int maxLength) throws IOException {
    StringBuilder text = new StringBuilder(64);
    boolean tooLong = false;
    int b;
    while ((b = read()) != '\n') {
      if (b < 0) {
        return text.isEmpty() && !tooLong ? null : new Line(text.toString(), tooLong);
      }
      if (text.length() >= maxLength) {
        tooLong = true;
      } else {
        text.append((char) b);
      }
    }
    int last = text.length() - 1;
    if (last >= 0 && text.charAt(last) == '\r') {
      text.setLength(last);
    }
    return new Line(text.toString(), tooLong);
  }

  /**
   * Reads a DATA section up to the line holding a single dot, removing the leading dot that
   * the client doubled on lines starting with one (RFC 5321 4.5.2). Everything else, line
   * endings included, is kept as sent. Past {@code maxBytes} the rest is read but not kept.
   */
  Data readData(long maxBytes) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream(8192);
    long size = 0;
    boolean lineStart = true;
    while (true) {
      int b = readOrFail();
      if (lineStart && b == '.') {
        int next = readOrFail();
        if (next == '\n') {
          break;
        }
        if (next == '\r') {
          int after = readOrFail();
          if (after == '\n') {
            break;
          }
          size++;
          if (size <= maxBytes) {
            kept.write('\r');
          }
          next = after;
        }
        b = next;
      }
      size++;
      if (size <= maxBytes) {
        kept.write(b);
      } else if (kept.size() > 0) {
        kept = new ByteArrayOutputStream(0); // over the limit: let go of what was kept
      }
      lineStart = b == '\n';
    }
    return new Data(size <= maxBytes ? kept.toByteArray() : null, size);
  }

  private int readOrFail() throws IOException {
    int b = read();
    if (b < 0) {
      throw new EOFException("connection closed inside DATA");
    }
    return b;
  }

  private int read() throws IOException {
    if (position == end) {
      end = in.read(buffer, 0, buffer.length);
      position = 0;
      if (end <= 0) {
        end = 0;
        return -1;
      }
    }
    return buffer[position++] & 0xFF;
  }
}
