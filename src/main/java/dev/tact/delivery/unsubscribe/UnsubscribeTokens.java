package dev.tact.delivery.unsubscribe;

import dev.tact.policy.Purpose;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe tokens: base64url of {@code version(1) · contact id(16) · purpose(1) · HMAC-SHA256(…)[0..16)},
 * 46 characters. They never expire (a mail read a year later must still unsubscribe) and carry no
 * more than the contact's id: the link itself is the permission, so no login is needed. Thread-safe.
 */
public final class UnsubscribeTokens {

  private static final byte VERSION = 1;
  private static final int PAYLOAD = 18;
  private static final int MAC = 16;
  private static final byte[] CONTEXT = "tact unsubscribe token".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final SecretKeySpec key;

  public UnsubscribeTokens(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("The unsubscribe secret must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public String issue(UUID contactId, Purpose purpose) {
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + MAC);
    payload.put(VERSION).putLong(contactId.getMostSignificantBits()).putLong(contactId.getLeastSignificantBits())
        .put(code(purpose));
    payload.put(mac(Arrays.copyOf(payload.array(), PAYLOAD)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
  }

  /** Who and what a token unsubscribes, or empty when it was not issued with this secret or was altered. */
  public Optional<UnsubscribeToken> read(String token) {
    if (token == null || token.length() != 46) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOf(bytes, PAYLOAD);
    if (bytes.length != PAYLOAD + MAC || bytes[0] != VERSION
        || !MessageDigest.isEqual(mac(payload), Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + MAC))) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload, 1, PAYLOAD - 1);
    UUID contact = new UUID(buffer.getLong(), buffer.getLong());
    return purpose(buffer.get()).map(purpose -> new UnsubscribeToken(contact, purpose));
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(CONTEXT);
      return Arrays.copyOf(mac.doFinal(payload), MAC);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte code(Purpose purpose) {
    return switch (purpose) {
      case TRANSACTIONAL -> 1;
      case MARKETING -> 2;
      case SURVEY -> 3;
    };
  }

  private static Optional<Purpose> purpose(byte code) {
    return switch (code) {
      case 1 -> Optional.of(Purpose.TRANSACTIONAL);
      case 2 -> Optional.of(Purpose.MARKETING);
      case 3 -> Optional.of(Purpose.SURVEY);
      default -> Optional.empty();
    };
  }

  /** What a valid token names. */
  public record UnsubscribeToken(UUID contactId, Purpose purpose) {}
}
