package dev.tact.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on Tact's webhooks, outgoing (delivery's adapters) and incoming (the generic inbound webhook):
 * {@code X-Tact-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>}. Verified over the raw
 * bytes, in constant time, and refused when {@code t} is further than the tolerance from our clock (a replay).
 */
public final class HookSignature {

  public static final String HEADER = "X-Tact-Signature";

  private HookSignature() {}

  public static String header(String secret, Instant at, byte[] body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
  }

  /** Why {@code header} does not sign {@code body}, or null when it does. */
  public static String problem(String secret, String header, byte[] body, Instant now, Duration tolerance) {
    if (header == null || header.isBlank()) {
      return "The request has no " + HEADER + " header.";
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
          t = Long.parseLong(kv[1].strip());
        } else if (kv[0].equals("v1")) {
          v1 = HexFormat.of().parseHex(kv[1].strip());
        }
      } catch (IllegalArgumentException malformed) {
        return "The " + HEADER + " header is malformed.";
      }
    }
    if (t == null || v1 == null) {
      return "The " + HEADER + " header needs t=<unix seconds> and v1=<hex HMAC-SHA256>.";
    }
    if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
      return "The signature's time is more than " + tolerance.toSeconds() + " seconds from ours.";
    }
    return MessageDigest.isEqual(hmac(secret, t, body), v1) ? null : "The signature does not match the body.";
  }

  /** True when {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of {@code now}. */
  public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
    return problem(secret, header, body, now, tolerance) == null;
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
