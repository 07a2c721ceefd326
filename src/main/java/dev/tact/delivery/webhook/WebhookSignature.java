package dev.tact.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Tact-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}.
 * The receiver recomputes v1 over the raw body bytes, compares in constant time and rejects a t
 * too far from its clock (replays).
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Tact-Signature";

  private WebhookSignature() {}

  public static String header(String secret, Instant at, byte[] body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
  }

  /** True when {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of {@code now}. */
  public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    byte[] v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      try {
        if (kv[0].equals("t")) {
          t = Long.parseLong(kv[1]);
        } else if (kv[0].equals("v1")) {
          v1 = HexFormat.of().parseHex(kv[1]);
        }
      } catch (IllegalArgumentException malformed) {
        return false;
      }
    }
    if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, t, body), v1);
  }

  private static byte[] hmac(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
