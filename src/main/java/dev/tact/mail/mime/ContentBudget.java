package dev.tact.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * How many decoded bytes one parse may still keep, shared by all parts and attached messages. Reads a part's
 * content up to what is left and skips (but counts) the rest, recording a defect.
 */
public final class ContentBudget {

  private long remaining;

  public ContentBudget(long bytes) {
    this.remaining = bytes;
  }

  /** Bytes still available. */
  public long remaining() {
    return remaining;
  }

  /** Takes bytes already held elsewhere out of the budget; false when they do not fit. */
  public boolean take(long bytes) {
    if (bytes > remaining) {
      return false;
    }
    remaining -= bytes;
    return true;
  }

  /**
   * Reads the stream to its end, keeping at most the remaining budget. A failing stream ends the content with a
   * defect instead of an exception.
   */
  public byte[] read(InputStream in, List<String> defects) {
    byte[] buffer = new byte[8192];
    int length = 0;
    long skipped = 0;
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) != -1) {
        int keep = (int) Math.min(n, remaining);
        if (keep > 0) {
          if (length + keep > buffer.length) {
            buffer = Arrays.copyOf(buffer, grow(buffer.length, length + keep));
          }
          System.arraycopy(chunk, 0, buffer, length, keep);
          length += keep;
          remaining -= keep;
        }
        skipped += n - keep;
      }
    } catch (IOException | RuntimeException e) {
      defects.add("part content cut short: " + describe(e));
    }
    if (skipped > 0) {
      defects.add("decoded content limit reached: " + skipped + " bytes not kept");
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  private static int grow(int current, int needed) {
    long target = Math.max((long) current * 2, needed);
    return (int) Math.min(target, Integer.MAX_VALUE - 16);
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + abbreviate(message));
  }

  static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
  }
}
