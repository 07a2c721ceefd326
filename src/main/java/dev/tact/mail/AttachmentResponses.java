package dev.tact.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves an email attachment so that a browser never runs it: always as a download, never
 * sniffed, sandboxed, and typed as what it claims only for a few inert types.
 */
public final class AttachmentResponses {

  private static final Set<String> INERT_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
      "application/pdf", "text/plain", "text/csv");

  private AttachmentResponses() {}

  public static ResponseEntity<byte[]> of(AttachmentContent content) {
    String declared = content.attachment().contentType() == null ? ""
        : content.attachment().contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
    MediaType type = INERT_TYPES.contains(declared) ? MediaType.parseMediaType(declared)
        : MediaType.APPLICATION_OCTET_STREAM;
    String filename = content.attachment().filename() == null || content.attachment().filename().isBlank()
        ? "attachment" : content.attachment().filename();
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
        .body(content.content());
  }
}
