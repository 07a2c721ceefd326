package dev.tact.web;

import dev.tact.intake.IntakeProperties;
import dev.tact.staff.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Request bodies within their limit, and JSON as clean UTF-8, before anything reads them into memory: a body that
 * announces more than its limit (Content-Length) is answered 413 at once, unread, and the connection closed; any
 * other is read through a {@link GuardedInputStream} that refuses it the moment it passes the limit or holds text
 * Tact cannot store. Limits: raw mail {@code tact.intake.max-mail-bytes}, {@code POST /api/v1/messages}
 * {@code tact.intake.max-request-bytes}, the rest of the API {@code tact.api.max-json-bytes}, the UI's forms
 * {@code server.tomcat.max-http-form-post-size}; CSV uploads (do-not-call registers, contact imports)
 * {@code spring.servlet.multipart.max-request-size}. Runs before security, so nothing is read for a request that
 * will be refused anyway.
 *
 * <p>Multipart bodies are parsed by Tomcat itself (to temporary files, up to the multipart limit) as soon as anyone
 * asks for a request parameter, and the CSRF check asks before the sign-in is checked. So a large multipart body is
 * let through only to the UI's upload pages and only for a session already signed in as a lead or admin; any other
 * multipart body must announce its length and stay within {@value #SMALL_MULTIPART_BYTES} bytes. The guard runs
 * after the session filter for that reason.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class RequestBodyGuard extends OncePerRequestFilter {

  static final long SMALL_MULTIPART_BYTES = 256 * 1024;
  private static final Pattern API_UPLOAD = Pattern.compile(
      "/api/v1/contacts/import|/api/v1/admin/policy/do-not-call/[^/]+/upload");
  private static final Pattern UI_UPLOAD = Pattern.compile("/contacts/import|/admin/policy/do-not-call/[^/]+/upload");
  /** An agent's reply with its files (compose checks each file and their sum when it reads them). */
  private static final Pattern REPLY_POST = Pattern.compile("/conversations/\\d+/reply");
  /** A public web form with its attachments: each form has its own smaller limit, checked when it is read. */
  private static final Pattern FORM_POST = Pattern.compile("/forms/[a-z0-9-]+(?:/embed)?/?");

  private record Limit(long bytes, String code) {}

  private final IntakeProperties intake;
  private final ApiProperties api;
  private final long formBytes;
  private final long uploadBytes;
  private final long replyBytes;
  private final ProblemResponses problems;

  RequestBodyGuard(IntakeProperties intake, ApiProperties api,
      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formBytes,
      @Value("${spring.servlet.multipart.max-request-size:512MB}") DataSize uploadBytes,
      @Value("${tact.compose.max-total-attachment-bytes:20971520}") long replyFileBytes, ProblemResponses problems) {
    this.replyBytes = replyFileBytes + 1024 * 1024; // the text and the form's other fields
    this.intake = intake;
    this.api = api;
    this.formBytes = formBytes.toBytes();
    this.uploadBytes = uploadBytes.toBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/");
    MediaType type = contentType(request);
    boolean multipart = type != null && "multipart".equals(type.getType());
    Limit limit = multipart ? multipartLimitOf(request, path) : limitOf(request.getMethod(), path);
    if (multipart && limit.bytes() == SMALL_MULTIPART_BYTES && request.getContentLengthLong() < 0) {
      response.setHeader(HttpHeaders.CONNECTION, "close"); // nothing of it is read
      refuse(response, api, true, new RequestBodyException(411, "length-required", "Length required",
          "A multipart body must say its length (Content-Length)."));
      return;
    }
    // NDJSON (a batch of messages, one a line) is JSON text too: the same UTF-8 and NUL checks
    boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")
        || "x-ndjson".equals(type.getSubtype()));
    if (request.getContentLengthLong() > limit.bytes()) {
      response.setHeader(HttpHeaders.CONNECTION, "close"); // what was not read is not read either
      refuse(response, api, multipart, RequestBodyException.tooLarge(limit.code(), limit.bytes()));
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
    if (post && API_UPLOAD.matcher(path).matches()) {
      return new Limit(uploadBytes, "upload-too-large"); // a raw CSV body, read only after the token is checked
    }
    if (path.startsWith("/api/")) {
      return new Limit(api.maxJsonBytes().toBytes(), "request-too-large");
    }
    return new Limit(formBytes, "request-too-large");
  }

  /** An upload page's limit for a signed-in lead or admin; a small one for every other multipart body. */
  private Limit multipartLimitOf(HttpServletRequest request, String path) {
    if ("POST".equalsIgnoreCase(request.getMethod()) && UI_UPLOAD.matcher(path).matches() && signedInLead(request)) {
      return new Limit(uploadBytes, "upload-too-large");
    }
    if ("POST".equalsIgnoreCase(request.getMethod()) && REPLY_POST.matcher(path).matches() && signedIn(request)) {
      return new Limit(replyBytes, "files-too-large");
    }
    if ("POST".equalsIgnoreCase(request.getMethod()) && FORM_POST.matcher(path).matches()) {
      return new Limit(intake.maxMailBytes(), "files-too-large");
    }
    return new Limit(SMALL_MULTIPART_BYTES, "request-too-large");
  }

  private static boolean signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object context = session == null ? null
        : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    return context instanceof SecurityContext security && security.getAuthentication() != null
        && security.getAuthentication().isAuthenticated();
  }

  private static boolean signedInLead(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object context = session == null ? null
        : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    return context instanceof SecurityContext security && security.getAuthentication() != null
        && security.getAuthentication().isAuthenticated() && security.getAuthentication().getAuthorities().stream()
        .anyMatch(a -> Role.LEAD.authority().equals(a.getAuthority()));
  }

  private void refuse(HttpServletResponse response, boolean api, RequestBodyException refusal) throws IOException {
    refuse(response, api, false, refusal);
  }

  /**
   * A multipart body is answered with a page written here: an error page's dispatch would ask for parameters, and
   * Tomcat would parse the body it was refused for.
   */
  private void refuse(HttpServletResponse response, boolean api, boolean multipart, RequestBodyException refusal)
      throws IOException {
    if (api) {
      problems.write(response, refusal.status(), refusal.code(), refusal.title(), refusal.getMessage());
    } else if (multipart) {
      response.setStatus(refusal.status());
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
          + refusal.title() + " · Tact</title></head><body><main><h1>" + refusal.title() + "</h1><p>"
          + HtmlUtils.htmlEscape(refusal.getMessage()) + "</p></main></body></html>");
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
