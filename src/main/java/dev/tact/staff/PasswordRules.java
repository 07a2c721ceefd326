package dev.tact.staff;

import dev.tact.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, not the agent's email address, and at most
 * {@value #MAX_BYTES} bytes in UTF-8 (bcrypt reads no further, so a longer one would only seem stronger).
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_BYTES = 72;

  private PasswordRules() {}

  /** A 422 {@code weak-password} with a sentence people understand when the password breaks a rule. */
  public static void check(String password, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw weak("A password needs at least " + MIN_LENGTH + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw weak("A password may be at most " + MAX_BYTES + " bytes long (72 letters without accents; fewer with "
          + "accents or emoji).");
    }
    if (password.isBlank()) {
      throw weak("A password cannot be only spaces.");
    }
    if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
      throw weak("A password must not be your email address.");
    }
  }

  /** Both fields of a "new password" form must agree. */
  public static void checkRepeated(String password, String repeated, String email) {
    check(password, email);
    if (!password.equals(repeated)) {
      throw ProblemException.invalid("passwords-differ", "The two passwords differ; type the same one twice.");
    }
  }

  private static ProblemException weak(String detail) {
    return ProblemException.invalid("weak-password", detail);
  }
}
