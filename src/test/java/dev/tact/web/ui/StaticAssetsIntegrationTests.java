package dev.tact.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.testsupport.TactTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Stylesheets and scripts as a browser gets them: pages link content-versioned paths, which are served from memory
 * with a year's Cache-Control, an entity tag (304 when it matches), gzip when asked for, and the security headers;
 * the plain path is always revalidated. Runs in the shared {@link TactTest} context.
 */
@TactTest
class StaticAssetsIntegrationTests {

  private static final Pattern VERSIONED_STYLESHEET = Pattern.compile("href=\"(/css/tact-[0-9a-f]{32}\\.css)\"");

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void shouldLinkTheStylesheetAtAVersionedPathServedWithLongCachingAndItsEntityTag() throws Exception {
    byte[] stylesheet = new ClassPathResource("static/css/tact.css").getContentAsByteArray();
    Matcher link = VERSIONED_STYLESHEET.matcher(new String(get("/login").body(), StandardCharsets.UTF_8));
    assertThat(link.find()).as("the login page links a versioned stylesheet").isTrue();

    HttpResponse<byte[]> versioned = get(link.group(1));
    assertThat(versioned.statusCode()).isEqualTo(200);
    assertThat(versioned.body()).isEqualTo(stylesheet);
    assertThat(header(versioned, "Content-Type")).isEqualTo("text/css;charset=UTF-8");
    assertThat(header(versioned, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(header(versioned, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(versioned, "X-Frame-Options")).isEqualTo("DENY");
    assertThat(header(versioned, "Content-Security-Policy")).contains("default-src 'none'");
    assertThat(header(versioned, "Set-Cookie")).isNull();
    String etag = header(versioned, "ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    HttpResponse<byte[]> revalidated = get(link.group(1), "If-None-Match", etag);
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();

    HttpResponse<byte[]> gzipped = get(link.group(1), "Accept-Encoding", "gzip");
    assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(gzipped, "ETag")).isNotEqualTo(etag);
    assertThat(gunzip(gzipped.body())).isEqualTo(stylesheet);
    assertThat(gzipped.body().length).isLessThan(stylesheet.length / 2);

    HttpResponse<byte[]> plain = get("/css/tact.css");
    assertThat(plain.body()).isEqualTo(stylesheet);
    assertThat(header(plain, "Cache-Control")).isEqualTo("no-cache");
    assertThat(header(plain, "ETag")).isEqualTo(etag);
  }

  @Test
  void shouldLeaveWhatIsNotAnAssetToTheApplication() throws Exception {
    assertThat(get("/css/no-such-file.css").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> posted = http.send(HttpRequest.newBuilder(uri("/css/tact.css"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(posted.statusCode()).isNotEqualTo(200);
    assertThat(header(posted, "Cache-Control")).isNotEqualTo("no-cache");
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
