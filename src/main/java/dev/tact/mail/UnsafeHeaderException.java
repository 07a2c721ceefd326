package dev.tact.mail;

/**
 * A header value Tact was asked to write would break out of its header line (it holds CR or LF):
 * written, it could add header fields or a body of its own (header injection). Nothing is written.
 */
public class UnsafeHeaderException extends IllegalArgumentException {

  public UnsafeHeaderException(String message) {
    super(message);
  }
}
