package dev.tact.shared.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets Tact must be able to read back (a mailbox's IMAP password, an agent's authenticator secret)
 * with AES-256-GCM.
 * The key is {@code tact.secrets.key}; without it one is generated into {@code tact.secrets.key-file}
 * on the first start. A stored value is {@code v1:} + base64(12-byte nonce + ciphertext + tag).
 */
@Component
public class SecretBox {

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretProperties properties;
  private final SecureRandom random = new SecureRandom();
  private SecretKey key;

  SecretBox(SecretProperties properties) {
    this.properties = properties;
    if (properties.key() != null && !properties.key().isBlank()) {
      key(); // a configured key that is not usable stops the start, not the first poll
    }
  }

  /** The key, read or generated on first use, so an installation without secrets never writes a key file. */
  private synchronized SecretKey key() {
    if (key == null) {
      key = new SecretKeySpec(keyBytes(properties), "AES");
    }
    return key;
  }

  /** The ciphertext to store for this secret. */
  public String encrypt(String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The secret a ciphertext of {@link #encrypt} holds.
   *
   * @throws SecretUnreadableException when it was made with another key or was altered
   */
  public String decrypt(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new SecretUnreadableException("The stored secret is not in a known format.");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (in.length <= NONCE_BYTES) {
        throw new SecretUnreadableException("The stored secret is truncated.");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new SecretUnreadableException("The stored secret cannot be decrypted with this key "
          + "(was TACT_SECRET_KEY changed, or do the nodes have different keys?).");
    }
  }

  private static byte[] keyBytes(SecretProperties properties) {
    if (properties.key() != null && !properties.key().isBlank()) {
      return decodeKey(properties.key().strip(), "tact.secrets.key (TACT_SECRET_KEY)");
    }
    Path file = properties.keyFile().toAbsolutePath();
    try {
      if (Files.exists(file)) {
        return decodeKey(Files.readString(file).strip(), file.toString());
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      dev.tact.shared.PrivateFiles.createDirectories(file.getParent()); // a new folder is private from the start
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
      restrictToOwner(file);
      log.warn("Generated a key for stored secrets in {}. Keep it with the data; several Tact nodes must share "
          + "one key: set TACT_SECRET_KEY to this file's content on every node.", file);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key file " + file
          + "; set TACT_SECRET_KEY instead", e);
    }
  }

  private static byte[] decodeKey(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(source + " must be base64 of 32 bytes, was " + bytes.length + " bytes");
    }
    return bytes;
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      log.debug("Cannot restrict permissions of {}", file, e);
    }
  }
}
