package dev.tact.mail;

/**
 * Thrown by {@link MailParser#parse(byte[])} only when nothing mail-like can be made of the input: it is empty,
 * larger than the limit, or has no header block at all. The message says why.
 */
public class UnparseableMailException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnparseableMailException(String reason) {
    super(reason);
  }
}
