package dev.tact.delivery.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds a {@code DKIM-Signature} header (RFC 6376, relaxed/relaxed; rsa-sha256, or ed25519-sha256 by
 * RFC 8463 for an Ed25519 key) to an RFC 5322 message. Bare LF line ends are made CRLF first, as
 * SMTP will send them, so the signature covers the bytes that travel. Thread-safe.
 */
public class DkimSigner {

  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
      + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?");
  private static final int FOLD_AT = 72;

  private final String domain;
  private final String selector;
  private final PrivateKey key;
  private final String algorithm;
  private final List<String> headers;
  private final Clock clock;

  /**
   * @param privateKeyPem the private key in PEM (PKCS#8 RSA or Ed25519, or PKCS#1 RSA)
   * @param headers header names to sign when present; From is added when missing
   */
  public DkimSigner(String domain, String selector, String privateKeyPem, List<String> headers, Clock clock) {
    if (domain == null || !DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("tact.delivery.dkim.domain must be a domain name, was " + domain);
    }
    if (selector == null || !SELECTOR.matcher(selector).matches()) {
      throw new IllegalArgumentException("tact.delivery.dkim.selector must be a DNS label, was " + selector);
    }
    this.domain = domain.toLowerCase(Locale.ROOT);
    this.selector = selector;
    this.key = DkimKeys.fromPem(privateKeyPem);
    this.algorithm = key.getAlgorithm().equals("RSA") ? "rsa-sha256" : "ed25519-sha256";
    Set<String> names = new LinkedHashSet<>();
    names.add("from");
    headers.forEach(h -> names.add(h.strip().toLowerCase(Locale.ROOT)));
    this.headers = List.copyOf(names);
    this.clock = clock;
  }

  /** "rsa-sha256" or "ed25519-sha256", as the key decides. */
  public String algorithm() {
    return algorithm;
  }

  /**
   * The message with a DKIM-Signature header in front.
   *
   * @throws IllegalArgumentException when the message has no header/body separator or no From
   */
  public byte[] sign(byte[] rfc5322Message) {
    String message = withCrlf(new String(rfc5322Message, StandardCharsets.ISO_8859_1)); // one char per byte
    int split = message.indexOf("\r\n\r\n");
    String headerBlock = split < 0 ? message : message.substring(0, split + 2);
    String body = split < 0 ? "" : message.substring(split + 4);
    List<HeaderField> fields = HeaderField.parse(headerBlock);

    List<HeaderField> signed = selectSigned(fields);
    if (signed.stream().noneMatch(f -> f.lowerName().equals("from"))) {
      throw new IllegalArgumentException("A message without a From header cannot be DKIM-signed");
    }
    String bodyHash = base64(sha256(RelaxedCanonicalization.body(body)));
    String unsigned = "DKIM-Signature: v=1; a=" + algorithm + "; c=relaxed/relaxed; d=" + domain + "; s=" + selector
        + ";\r\n\tt=" + clock.instant().getEpochSecond() + "; h="
        + String.join(":", signed.stream().map(HeaderField::lowerName).toList()) + ";\r\n\tbh=" + bodyHash
        + ";\r\n\tb=";
    StringBuilder input = new StringBuilder();
    signed.forEach(f -> input.append(RelaxedCanonicalization.header(f)));
    String own = RelaxedCanonicalization.header(new HeaderField("DKIM-Signature", unsigned));
    input.append(own, 0, own.length() - 2); // the signature's own header without its CRLF

    String header = unsigned + fold(base64(signature(input.toString()))) + "\r\n";
    return (header + message).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** For each name, as many instances as there are, from the bottom up (RFC 6376, section 5.4.2). */
  private List<HeaderField> selectSigned(List<HeaderField> fields) {
    List<HeaderField> signed = new ArrayList<>();
    for (String name : headers) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (fields.get(i).lowerName().equals(name)) {
          signed.add(fields.get(i));
        }
      }
    }
    return signed;
  }

  private byte[] signature(String canonicalHeaders) {
    try {
      byte[] data = canonicalHeaders.getBytes(StandardCharsets.ISO_8859_1);
      Signature signer;
      if (algorithm.equals("rsa-sha256")) {
        signer = Signature.getInstance("SHA256withRSA");
      } else {
        signer = Signature.getInstance("Ed25519");
        data = MessageDigest.getInstance("SHA-256").digest(data); // RFC 8463: PureEdDSA over the SHA-256 hash
      }
      signer.initSign(key);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DKIM signing failed", e);
    }
  }

  private static String fold(String base64) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < base64.length(); i += FOLD_AT) {
      if (i > 0) {
        out.append("\r\n\t");
      }
      out.append(base64, i, Math.min(base64.length(), i + FOLD_AT));
    }
    return out.toString();
  }

  static String withCrlf(String message) {
    StringBuilder out = new StringBuilder(message.length() + 64);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' && (i == 0 || message.charAt(i - 1) != '\r')) {
        out.append('\r');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.ISO_8859_1));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
