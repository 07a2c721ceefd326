package dev.tact.incident;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * The status page as rendered once for a revision: the HTML page, its JSON and its Atom feed, each with its own
 * entity tag. Every node serves these bytes from memory.
 *
 * @param openIncidents how many incidents were open when it was rendered
 */
public record StatusSnapshot(long revision, Instant builtAt, Representation html, Representation json,
    Representation atom, int openIncidents) {

  /**
   * One rendering: its bytes, the same gzipped (compressed once here, not per request: most clients and every proxy
   * ask for gzip, and it is a tenth of the page), its media type and entity tag (a digest of the bytes; the gzipped
   * variant's tag is distinct, as a proxy caching both needs).
   */
  public record Representation(byte[] body, byte[] gzipped, String contentType, String etag, String gzippedEtag) {

    static Representation of(String text, String contentType) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      String etag = digest(body);
      return new Representation(body, gzip(body), contentType, "\"" + etag + "\"", "\"" + etag + "-gzip\"");
    }

    private static byte[] gzip(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
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
