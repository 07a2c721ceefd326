package dev.tact.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A part of a message that is not its body: a file, an inline image, an attached message (as {@code .eml}),
 * a delivery-status report, or an opaque container such as TNEF's {@code winmail.dat}, kept as sent.
 *
 * @param filename the decoded file name (RFC 2231 / RFC 2047), or null when the sender gave none
 * @param contentType the lower-cased MIME type, e.g. {@code image/png}
 * @param contentId the Content-ID without angle brackets, or null
 * @param inline whether the sender meant it to be shown in the body (disposition inline or part of a related body)
 * @param content the decoded bytes
 */
public record MailAttachment(String filename, String contentType, String contentId, boolean inline, byte[] content) {

  /** The SHA-256 of the content, in lower-case hex. */
  public String sha256Hex() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The content length in bytes. */
  public long size() {
    return content.length;
  }

  @Override
  public String toString() {
    return "MailAttachment[filename=" + filename + ", contentType=" + contentType + ", contentId=" + contentId
        + ", inline=" + inline + ", size=" + content.length + "]";
  }

  /** The content read as UTF-8, for text attachments. */
  public String contentAsUtf8() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
