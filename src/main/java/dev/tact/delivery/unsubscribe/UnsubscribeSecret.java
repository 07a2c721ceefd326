package dev.tact.delivery.unsubscribe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the token secret comes from: its own setting, else derived from TACT_SECRET_KEY, else a generated file. */
final class UnsubscribeSecret {

  private static final Logger log = LoggerFactory.getLogger(UnsubscribeSecret.class);

  private UnsubscribeSecret() {}

  static byte[] resolve(String ownSecret, String installationKey, Path keyFile) {
    if (ownSecret != null && !ownSecret.isBlank()) {
      return decode(ownSecret, "tact.delivery.unsubscribe.secret");
    }
    if (installationKey != null && !installationKey.isBlank()) {
      return derive(decode(installationKey, "tact.secrets.key (TACT_SECRET_KEY)"));
    }
    return fromFile(keyFile.toAbsolutePath());
  }

  /** HMAC-SHA256(installation key, label): the installation key itself never signs anything else. */
  static byte[] derive(byte[] installationKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(installationKey, "HmacSHA256"));
      return mac.doFinal("tact.delivery.unsubscribe v1".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return decode(Files.readString(file).strip(), file.toString());
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      dev.tact.shared.PrivateFiles.createDirectories(file.getParent()); // a new folder is private from the start
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      log.warn("Generated the secret of unsubscribe links in {}. Several Tact nodes must share it: set "
          + "TACT_SECRET_KEY (or tact.delivery.unsubscribe.secret) on every node.", file);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file + "; set TACT_SECRET_KEY instead", e);
    }
  }

  private static byte[] decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not base64");
    }
    if (bytes.length < 32) {
      throw new IllegalStateException(source + " must be base64 of at least 32 bytes, was " + bytes.length);
    }
    return bytes;
  }
}
