package dev.tact.mail;

import static dev.tact.mail.OutgoingMailWriter.requireSingleLine;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * A notice (a text and its HTML alternative, automatic, outside any conversation) written for many recipients: the
 * header fields they share (From, Subject, Date) are encoded once; each recipient costs the To, the Message-ID and
 * the two body parts in quoted-printable, with no Jakarta Activation lookup per part. The result reads as
 * {@link OutgoingMailWriter} writes the same mail; the boundary begins with "=_", which quoted-printable never
 * produces, so no body can contain it. A header value with CR or LF is refused ({@link UnsafeHeaderException}).
 */
public final class NoticeMailTemplate {

  private final byte[] shared;
  private final String boundaryStem;

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
    String html = TextToHtml.render(text);
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
    } catch (IOException | MessagingException e) {
      throw new UncheckedIOException(new IOException("The notice cannot be written: " + e.getMessage(), e));
    }
    return out.toByteArray();
  }

  private static void part(ByteArrayOutputStream out, String boundary, String type, String body)
      throws IOException, MessagingException {
    ascii(out, "--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
    OutputStream encoded = MimeUtility.encode(new NotClosing(out), "quoted-printable");
    encoded.write(body.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    encoded.flush();
    ascii(out, "\r\n");
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

  private static final class NotClosing extends java.io.FilterOutputStream {

    NotClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
