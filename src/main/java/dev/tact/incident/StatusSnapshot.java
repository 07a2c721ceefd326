package dev.tact.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The status page as rendered once for a revision: the HTML page, its JSON and its Atom feed, each with its own
 * entity tag. Every node serves these bytes from memory.
 *
 * @param openIncidents how many incidents were open when it was rendered
 */
public record StatusSnapshot(long revision, Instant builtAt, Representation html, Representation json,
    Representation atom, int openIncidents) {

  /** One rendering: its bytes, media type and entity tag (a digest of the bytes). */
  public record Representation(byte[] body, String contentType, String etag) {

    static Representation of(String text, String contentType) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      return new Representation(body, contentType, "\"" + digest(body) + "\"");
    }

    private static String digest(byte[] body) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
