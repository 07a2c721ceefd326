package dev.tact.mail;

import static dev.tact.mail.OutgoingMailWriter.requireSingleLine;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * A notice (a text and its HTML alternative, automatic, outside any conversation) written for many recipients: the
 * header fields they share (From, Subject, Date) are encoded once; each recipient costs the To, the Message-ID and
 * the two body parts (as they are when they are short ASCII lines, as Jakarta Mail would send them, else
 * quoted-printable), with no Jakarta Activation lookup per part; the HTML of paragraphs the
 * recipients share is rendered once. The result reads as
 * {@link OutgoingMailWriter} writes the same mail; the boundary begins with "=_", which quoted-printable never
 * produces, so no body can contain it. A header value with CR or LF is refused ({@link UnsafeHeaderException}).
 */
public final class NoticeMailTemplate {
  // not thread-safe: one template serves one batch on one thread

  private static final int KEPT_PARAGRAPHS = 32;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private final byte[] shared;
  private final String boundaryStem;
  /** The HTML of paragraphs recently written, most recently used last: the shared ones stay. */
  private final Map<String, String> paragraphs = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > KEPT_PARAGRAPHS;
    }
  };

  public NoticeMailTemplate(MailAddress from, String subject, Instant date) {
    String encodedSubject;
    try {
      encodedSubject = MimeUtility.fold(9, MimeUtility.encodeText(requireSingleLine("Subject", subject), "UTF-8",
          null));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    String header = "Date: " + new MailDateFormat().format(Date.from(date)) + "\r\n"
        + "From: " + MimeUtility.fold(6, address("From", from)) + "\r\n"
        + "Subject: " + encodedSubject + "\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Auto-Submitted: auto-generated\r\n";
    this.shared = header.getBytes(StandardCharsets.US_ASCII);
    this.boundaryStem = "=_tact_" + Long.toHexString(date.toEpochMilli()) + "_";
  }

  /** The whole mail to {@code to}, with {@code messageId} (without angle brackets) and this text. */
  public byte[] write(MailAddress to, String messageId, String text) {
    String id = requireSingleLine("Message-ID", messageId);
    String boundary = boundaryStem + Integer.toHexString(id.hashCode());
    String html = TextToHtml.render(text, paragraphs);
    ByteArrayOutputStream out = new ByteArrayOutputStream(shared.length + 3 * (text.length() + html.length()) / 2
        + 600);
    try {
      out.write(shared);
      ascii(out, "To: " + MimeUtility.fold(4, address("To", to)) + "\r\n"
          + "Message-ID: <" + id + ">\r\n"
          + "Content-Type: multipart/alternative;\r\n\tboundary=\"" + boundary + "\"\r\n"
          + "\r\n");
      part(out, boundary, "text/plain", text);
      part(out, boundary, "text/html", html);
      ascii(out, "--" + boundary + "--\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("The notice cannot be written: " + e.getMessage(), e));
    }
    return out.toByteArray();
  }

  private static void part(ByteArrayOutputStream out, String boundary, String type, String body) throws IOException {
    byte[] bytes = body.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    boolean plain = sevenBit(bytes);
    ascii(out, "--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: " + (plain ? "7bit" : "quoted-printable") + "\r\n\r\n");
    out.write(plain ? crlf(bytes) : quotedPrintable(bytes));
    ascii(out, "\r\n");
  }

  /** ASCII without control characters but tab and line feed, in lines of at most 998 bytes: sent as it is. */
  static boolean sevenBit(byte[] text) {
    int line = 0;
    for (byte b : text) {
      if (b == '\n') {
        line = 0;
      } else if (b < 32 && b != '\t' || b == 127 || ++line > 998) {
        return false;
      }
    }
    return true;
  }

  private static byte[] crlf(byte[] text) {
    byte[] out = new byte[text.length * 2];
    int n = 0;
    for (byte b : text) {
      if (b == '\n') {
        out[n++] = '\r';
      }
      out[n++] = b;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * RFC 2045 quoted-printable: line breaks as CRLF, lines of at most 76 characters with soft breaks, "=", control
   * and non-ASCII bytes as =XX, a space or tab before a line break encoded.
   */
  static byte[] quotedPrintable(byte[] text) {
    byte[] out = new byte[text.length * 3 + text.length / 24 + 8];
    int n = 0;
    int column = 0;
    for (int i = 0; i < text.length; i++) {
      int b = text[i] & 0xff;
      if (b == '\n') {
        out[n++] = '\r';
        out[n++] = '\n';
        column = 0;
        continue;
      }
      boolean lineEnds = i + 1 == text.length || text[i + 1] == '\n';
      boolean literal = b >= 33 && b <= 126 && b != '=' || (b == ' ' || b == '\t') && !lineEnds;
      int width = literal ? 1 : 3;
      if (column + width > (lineEnds ? 76 : 75)) {
        out[n++] = '=';
        out[n++] = '\r';
        out[n++] = '\n';
        column = 0;
      }
      if (literal) {
        out[n++] = (byte) b;
      } else {
        out[n++] = '=';
        out[n++] = HEX[b >> 4];
        out[n++] = HEX[b & 0xf];
      }
      column += width;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static void ascii(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static String address(String header, MailAddress address) {
    try {
      return new InternetAddress(requireSingleLine(header, address.address()),
          requireSingleLine(header, address.name()), StandardCharsets.UTF_8.name()).toString();
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

}
