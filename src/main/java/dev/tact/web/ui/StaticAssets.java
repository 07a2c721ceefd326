package dev.tact.web.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.DigestUtils;
import org.springframework.util.StringUtils;

/**
 * The files under static/css, static/js and the icons, read once from the jar into memory with everything a response
 * needs precomputed: the bytes, the same gzipped, the entity tag and the headers. Each is reachable at its plain path
 * ({@code /css/tact.css}: revalidated on every use) and at the content-versioned path Spring's resource chain writes
 * into pages ({@code /css/tact-<md5>.css}: cached for a year, since the name changes whenever the content does). The
 * version is computed as Spring's {@code ContentVersionStrategy} and {@code FileNameVersionPathStrategy} do, so the
 * links pages carry are the paths served here.
 */
final class StaticAssets {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  /** One file at one path. {@code gzipped} is null where gzip does not make it smaller. */
  record Asset(byte[] body, byte[] gzipped, String contentType, String etag, String gzippedEtag,
      String cacheControl) {}

  private final Map<String, Asset> byPath;

  private StaticAssets(Map<String, Asset> byPath) {
    this.byPath = Map.copyOf(byPath);
  }

  /** Reads the assets under {@code classpath:static/} whose path (relative to it) starts with one of the prefixes. */
  static StaticAssets load(ResourcePatternResolver resolver, String... prefixes) {
    Map<String, Asset> byPath = new HashMap<>();
    try {
      for (Resource resource : resolver.getResources("classpath:static/**")) {
        if (!resource.isReadable()) {
          continue;
        }
        String url = resource.getURL().toString();
        int at = url.lastIndexOf("/static/");
        String path = url.substring(at + "/static".length());
        if (at < 0 || !startsWithAny(path, prefixes) || path.endsWith("/")) {
          continue;
        }
        byte[] body = resource.getContentAsByteArray();
        String version = DigestUtils.md5DigestAsHex(body);
        byPath.put(path, asset(body, path, version, REVALIDATE));
        byPath.put(versioned(path, version), asset(body, path, version, IMMUTABLE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("static assets could not be read", e);
    }
    return new StaticAssets(byPath);
  }

  Asset find(String path) {
    return byPath.get(path);
  }

  int size() {
    return byPath.size();
  }

  static String versioned(String path, String version) {
    String extension = StringUtils.getFilenameExtension(path);
    return StringUtils.stripFilenameExtension(path) + "-" + version + (StringUtils.hasText(extension) ? "." + extension : "");
  }

  private static Asset asset(byte[] body, String path, String version, String cacheControl) {
    String contentType = contentType(path);
    byte[] gzipped = contentType.startsWith("image/") && !contentType.startsWith("image/svg") ? null : gzip(body);
    if (gzipped != null && gzipped.length >= body.length) {
      gzipped = null;
    }
    return new Asset(body, gzipped, contentType, "\"" + version + "\"", "\"" + version + "-gzip\"", cacheControl);
  }

  private static boolean startsWithAny(String path, String... prefixes) {
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String contentType(String path) {
    String extension = String.valueOf(StringUtils.getFilenameExtension(path)).toLowerCase(Locale.ROOT);
    return switch (extension) {
      case "css" -> "text/css;charset=UTF-8";
      case "js" -> "text/javascript;charset=UTF-8";
      case "svg" -> "image/svg+xml";
      case "ico" -> "image/x-icon";
      case "png" -> "image/png";
      case "woff2" -> "font/woff2";
      default -> "application/octet-stream";
    };
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
