package dev.tact.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: real HTTP to the running server with a cookie jar (the session), redirects not
 * followed (so that tests see where they lead), and forms posted with the CSRF token of the page they are on.
 */
public final class WebSession {

  /** An answer: status, where a redirect leads (or null), and the page. */
  public record Page(int status, String location, String body) {

    public boolean redirectsTo(String path) {
      return status == 302 && location != null && (location.equals(path) || location.endsWith(path));
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  public WebSession(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Opens the page with the form, then posts the fields to {@code action} with that page's CSRF token. */
  public Page submit(String formPage, String action, Map<String, String> fields) {
    Page page = get(formPage);
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + formPage + " (" + page.status() + "): " + page.body());
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", token.group(1).replace("&#45;", "-"));
    return post(action, all);
  }

  public Page post(String path, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Posts a file as a browser's multipart form does, with the CSRF token of {@code formPage}. */
  public Page upload(String formPage, String action, String field, String fileName, byte[] content) {
    Page page = get(formPage);
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + formPage + " (" + page.status() + "): " + page.body());
    }
    String boundary = "tact-" + Long.toHexString(System.nanoTime());
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
        + token.group(1).replace("&#45;", "-") + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + field + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))));
  }

  /** Logs in through the login form; true when it led into Tact (not back to the login page with an error). */
  public boolean logIn(String email, String password) {
    Page answer = submit("/login", "/login", Map.of("username", email, "password", password));
    return answer.status() == 302 && answer.location() != null && !answer.location().contains("/login");
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
