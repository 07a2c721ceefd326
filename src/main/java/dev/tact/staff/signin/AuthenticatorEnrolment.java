package dev.tact.staff.signin;

/**
 * What an agent needs to add Tact to an authenticator app: the secret (base32, in groups of four for reading), the
 * {@code otpauth://} address the app imports, and that address drawn as a QR code.
 */
public record AuthenticatorEnrolment(String secret, String uri, String qrCode) {

  /** The secret in groups of four letters, as people type it. */
  public String secretGrouped() {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }
}
