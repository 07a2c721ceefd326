package dev.tact.webform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and reads form tickets, and checks a proof of work; plain Java, no Spring, no clock of its own. A ticket is
 * {@code 1.<id>.<slug>.<issued epoch ms>.<bits>.<HMAC-SHA256 of what precedes, base64url>}: nothing is stored when
 * it is issued, and any node holding the key reads it.
 */
final class TicketCodec {

  private static final Pattern NONCE = Pattern.compile("[0-9]{1,20}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  TicketCodec(byte[] key) {
    this.key = key.clone();
  }

  FormTicket issue(String slug, Instant now, int bits) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String payload = "1." + HexFormat.of().formatHex(id) + "." + slug + "." + now.toEpochMilli() + "." + bits;
    return new FormTicket(HexFormat.of().formatHex(id), slug, Instant.ofEpochMilli(now.toEpochMilli()), bits,
        payload + "." + sign(payload));
  }

  /** The ticket this token is, or null when it is not one Tact signed. */
  FormTicket read(String token) {
    if (token == null || token.length() > 300) {
      return null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 6 || !"1".equals(parts[0])) {
      return null;
    }
    String payload = token.substring(0, token.lastIndexOf('.'));
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[5].getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    try {
      return new FormTicket(parts[1], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[3])),
          Integer.parseInt(parts[4]), token);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether sha256(challenge + nonce) starts with {@code bits} zero bits; the nonce is up to 20 decimal digits. */
  static boolean solved(String challenge, String nonce, int bits) {
    if (nonce == null || !NONCE.matcher(nonce).matches()) {
      return false;
    }
    byte[] hash = sha256((challenge + nonce).getBytes(StandardCharsets.US_ASCII));
    return leadingZeroBits(hash) >= bits;
  }

  static int leadingZeroBits(byte[] hash) {
    int bits = 0;
    for (byte b : hash) {
      if (b == 0) {
        bits += 8;
        continue;
      }
      return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
    }
    return bits;
  }

  /** Finds a nonce for this challenge, as the page's script does (tests, the benchmark's client). */
  static String solve(String challenge, int bits) {
    for (long n = 0; ; n++) {
      if (solved(challenge, Long.toString(n), bits)) {
        return Long.toString(n);
      }
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
