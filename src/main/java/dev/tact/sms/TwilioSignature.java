package dev.tact.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the auth token, over the
 * full URL Twilio called (query string included) followed by every POST parameter, sorted by name, as name then
 * value (a repeated name: each distinct value, sorted).
 */
public final class TwilioSignature {

  public static final String HEADER = "X-Twilio-Signature";

  private TwilioSignature() {}

  /** The signature Twilio sends for a POST of {@code params} to {@code url}. */
  public static String sign(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, values) -> values.stream().distinct().sorted()
        .forEach(value -> data.append(name).append(value)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }

  /** Whether {@code signature} is Twilio's for this request, compared in constant time. */
  public static boolean verify(String authToken, String url, Map<String, List<String>> params, String signature) {
    if (signature == null || signature.isBlank() || authToken == null || authToken.isEmpty()) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.strip());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(Base64.getDecoder().decode(sign(authToken, url, params)), given);
  }
}
