package dev.tact.chat.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's script, from the jar: the same bytes for every page of every site that embeds it, so browsers may
 * keep it for a few minutes and ask again with its ETag (304 when unchanged).
 */
@RestController
class WidgetScriptController {

  private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);

  private final byte[] script;
  private final String etag;

  WidgetScriptController() {
    try (InputStream in = new ClassPathResource("chat/widget.js").getInputStream()) {
      this.script = in.readAllBytes();
      this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 12) + "\"";
    } catch (IOException e) {
      throw new UncheckedIOException("the chat widget's script is missing from the jar", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  @GetMapping("/chat/widget.js")
  ResponseEntity<byte[]> widget(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
    }
    return ResponseEntity.ok().contentType(JAVASCRIPT).eTag(etag).cacheControl(cache).body(script);
  }
}
