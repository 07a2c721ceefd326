package dev.tact.shared.secrets;

/** A stored secret that this installation's key cannot open. */
public class SecretUnreadableException extends RuntimeException {

  public SecretUnreadableException(String message) {
    super(message);
  }
}
