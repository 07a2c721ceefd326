package dev.tact.mail;

/**
 * Bounds that keep parsing hostile or huge mail cheap: the largest accepted message, how deep multiparts and
 * attached messages are followed, how many parts are read, how many header bytes per entity are kept, and how
 * many decoded bytes (bodies, attachments, attached messages together) one parse may hold.
 *
 * @param maxBytes largest raw message accepted, in bytes
 * @param maxDepth deepest nesting of multiparts and attached messages that is parsed
 * @param maxParts most MIME parts read from one message (attached messages included)
 * @param maxHeaderBytes most header bytes kept per entity; further fields are dropped with a defect
 * @param maxDecodedBytes most decoded content bytes one parse keeps; further content is truncated with a defect
 */
public record MailLimits(int maxBytes, int maxDepth, int maxParts, int maxHeaderBytes, long maxDecodedBytes) {

  /** 50 MiB of attachments plus room for their transfer encoding. */
  public static final int DEFAULT_MAX_BYTES = 52_428_800 + 20 * 1_048_576;

  public MailLimits {
    if (maxBytes <= 0 || maxDepth <= 0 || maxParts <= 0 || maxHeaderBytes <= 0 || maxDecodedBytes <= 0) {
      throw new IllegalArgumentException("mail limits must be positive");
    }
  }

  /** The limits Tact uses unless configured otherwise. */
  public static MailLimits defaults() {
    return new MailLimits(DEFAULT_MAX_BYTES, 50, 500, 256 * 1024, 2L * DEFAULT_MAX_BYTES);
  }
}
