package dev.tact.mail.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes Base64 while reading, as mail needs it: characters outside the alphabet are skipped, padding may be
 * missing, and a final incomplete group still yields its whole bytes (mime4j's decoder drops them).
 */
final class LenientBase64InputStream extends InputStream {

  private static final int[] VALUES = new int[256];

  static {
    java.util.Arrays.fill(VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = i;
    }
  }

  private final InputStream source;
  private final byte[] in = new byte[8192];
  private final byte[] out = new byte[8192 / 4 * 3 + 3];
  private int outPos;
  private int outLen;
  private int buffer;
  private int bits;
  private boolean ended;

  LenientBase64InputStream(InputStream source) {
    this.source = source;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    while (outPos == outLen) {
      if (ended) {
        return -1;
      }
      fill();
    }
    int n = Math.min(length, outLen - outPos);
    System.arraycopy(out, outPos, target, offset, n);
    outPos += n;
    return n;
  }

  private void fill() throws IOException {
    outPos = 0;
    outLen = 0;
    int n = source.read(in);
    if (n < 0) {
      ended = true;
      return;
    }
    for (int i = 0; i < n; i++) {
      int value = VALUES[in[i] & 0xff];
      if (value < 0) {
        continue;
      }
      buffer = buffer << 6 | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[outLen++] = (byte) (buffer >> bits);
        buffer &= (1 << bits) - 1;
      }
    }
  }
}
