package dev.tact.web;

import dev.tact.intake.IntakeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies within their limit, and JSON as clean UTF-8, before anything reads them into memory: a body that
 * announces more than its limit (Content-Length) is answered 413 at once, unread, and the connection closed; any
 * other is read through a {@link GuardedInputStream} that refuses it the moment it passes the limit or holds text
 * Tact cannot store. Limits: raw mail {@code tact.intake.max-mail-bytes}, {@code POST /api/v1/messages}
 * {@code tact.intake.max-request-bytes}, the rest of the API {@code tact.api.max-json-bytes}, the UI's forms
 * {@code server.tomcat.max-http-form-post-size}. Runs before security, so nothing is read for a request that will
 * be refused anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyGuard extends OncePerRequestFilter {

  private record Limit(long bytes, String code) {}

  private final IntakeProperties intake;
  private final ApiProperties api;
  private final long formBytes;
  private final ProblemResponses problems;

  RequestBodyGuard(IntakeProperties intake, ApiProperties api,
      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formBytes, ProblemResponses problems) {
    this.intake = intake;
    this.api = api;
    this.formBytes = formBytes.toBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/");
    Limit limit = limitOf(request.getMethod(), path);
    MediaType type = contentType(request);
    boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    if (request.getContentLengthLong() > limit.bytes()) {
      response.setHeader(HttpHeaders.CONNECTION, "close"); // what was not read is not read either
      refuse(response, api, RequestBodyException.tooLarge(limit.code(), limit.bytes()));
      return;
    }
    if (json && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())
        && !StandardCharsets.US_ASCII.equals(type.getCharset())) {
      refuse(response, api, new RequestBodyException(415, "unsupported-charset", "Unsupported charset",
          "JSON must be sent as UTF-8, not " + type.getCharset().name() + "."));
      return;
    }
    chain.doFilter(new Guarded(request, limit, json ? new JsonTextCheck() : null), response);
  }

  private Limit limitOf(String method, String path) {
    boolean post = "POST".equalsIgnoreCase(method);
    if (post && (path.equals("/api/v1/mail") || path.equals("/api/v1/mail/"))) {
      return new Limit(intake.maxMailBytes(), "mail-too-large");
    }
    if (post && (path.equals("/api/v1/messages") || path.equals("/api/v1/messages/"))) {
      return new Limit(intake.maxRequestBytes(), "request-too-large");
    }
    if (path.startsWith("/api/")) {
      return new Limit(api.maxJsonBytes().toBytes(), "request-too-large");
    }
    return new Limit(formBytes, "request-too-large");
  }

  private void refuse(HttpServletResponse response, boolean api, RequestBodyException refusal) throws IOException {
    if (api) {
      problems.write(response, refusal.status(), refusal.code(), refusal.title(), refusal.getMessage());
    } else {
      response.sendError(refusal.status(), refusal.getMessage());
    }
  }

  private static MediaType contentType(HttpServletRequest request) {
    try {
      return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  /** The request with its body behind the guard, whether it is read as bytes or as characters. */
  private static final class Guarded extends HttpServletRequestWrapper {

    private final Limit limit;
    private final JsonTextCheck jsonText;
    private GuardedInputStream body;

    Guarded(HttpServletRequest request, Limit limit, JsonTextCheck jsonText) {
      super(request);
      this.limit = limit;
      this.jsonText = jsonText;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        body = new GuardedInputStream(super.getInputStream(), limit.bytes(), limit.code(), jsonText);
      }
      return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = jsonText != null ? StandardCharsets.UTF_8
          : encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
