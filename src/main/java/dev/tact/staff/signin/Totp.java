package dev.tact.staff.signin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): an HOTP (RFC 4226) of the number of periods since the Unix epoch.
 * {@link #AUTHENTICATOR_APP} is what authenticator apps assume: HMAC-SHA1, six digits, thirty seconds.
 */
public record Totp(String algorithm, int digits, Duration period) {

  public static final Totp AUTHENTICATOR_APP = new Totp("HmacSHA1", 6, Duration.ofSeconds(30));

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  public Totp {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("a TOTP has 6 to 8 digits");
    }
  }

  /** The time step an instant falls in. */
  public long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), period.toSeconds());
  }

  /** The code for the time step an instant falls in. */
  public String code(byte[] secret, Instant at) {
    return codeAt(secret, step(at));
  }

  /** The code of a time step, zero-padded to the number of digits. */
  public String codeAt(byte[] secret, long step) {
    byte[] hash = hmac(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    int offset = hash[hash.length - 1] & 0x0f;
    int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
        | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
    String code = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  /** The code for an instant, computed from a base32 secret as an authenticator app shows it. */
  public static String authenticatorCode(String base32Secret, Instant at) {
    return AUTHENTICATOR_APP.code(Base32.decode(base32Secret), at);
  }

  private byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, "RAW"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
