package dev.tact.intake.web;

import dev.tact.intake.Acknowledgement;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.Submitter;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ProblemDetails;
import dev.tact.staff.ApiScope;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.TokenPrincipal;
import dev.tact.staff.TokenRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short way for the common case of {@code POST /api/v1/messages} (ADR 0053): a well-formed message from a
 * token with the intake scope and no rate limit is checked, logged and answered 202 here, without the security
 * filter chain and Spring MVC, which cost several times the message itself (notes-single20). Everything else goes
 * the long way unchanged, so refusals are exactly the API's: another method or path, a body without its length or
 * over the limit, JSON not as plain UTF-8 (a charset, a NUL, a backslash-u escape: the request body guard's checks),
 * no token or one that is not valid or lacks the scope, and any message that fails a check (the body is handed on as
 * read, and the controller finds the same problem). Answered here, as the API would answer them: 202; a token past
 * its rate limit (the security chain's buckets; before the body is read, as there; a request handed on is not
 * counted twice); the log's 429 / 503. Runs after {@link IntakeAdmission}, so admission counts it as before.
 */
class SingleMessageLane extends OncePerRequestFilter {

  static final String PATH = IntakeAdmission.MESSAGES;
  private static final String PROBLEM_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** What the API's security chain writes on every answer (its defaults, and the referrer policy it sets). */
  private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
      new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
      new XFrameOptionsHeaderWriter(), new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));

  private final MessageIntake intake;
  private final ApiTokens tokens;
  private final TokenRateLimiter limiter;
  private final JsonMapper json;
  private final int maxBytes;

  SingleMessageLane(MessageIntake intake, ApiTokens tokens, TokenRateLimiter limiter, JsonMapper json, int maxBytes) {
    this.intake = intake;
    this.tokens = tokens;
    this.limiter = limiter;
    this.json = json;
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    TokenPrincipal token = length > 0 && length <= maxBytes && plainJson(request.getContentType())
        ? intakeToken(request.getHeader(HttpHeaders.AUTHORIZATION)) : null;
    if (token == null) {
      chain.doFilter(request, response);
      return;
    }
    long wait = limiter.secondsToWait(token);
    if (wait > 0) {
      SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
      write(response, 429, PROBLEM_TYPE + ";charset=UTF-8", json.writeValueAsBytes(ProblemDetails.of(429,
          "rate-limited", "Too many requests", TokenRateLimiter.refusal(token, wait))));
      return;
    }
    request.setAttribute(TokenRateLimiter.COUNTED, token.tokenId());
    byte[] body = request.getInputStream().readNBytes((int) length);
    String text = body.length == length ? plainText(body) : null;
    MessageIntake.Checked message = null;
    if (text != null) {
      try {
        message = intake.readJson(text);
      } catch (ProblemException | IllegalArgumentException e) {
        message = null; // the long way finds it again and answers it as the API does
      }
    }
    if (message == null) {
      chain.doFilter(new Replayed(request, body), response);
      return;
    }
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
    SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
    Acknowledgement ack;
    try {
      ack = intake.submit(message, Submitter.of(token));
    } catch (ProblemException e) {
      problem(request, response, e);
      return;
    }
    AcceptedMessage accepted = AcceptedMessage.of(ack);
    response.setHeader(HttpHeaders.LOCATION, accepted.statusUrl());
    write(response, HttpServletResponse.SC_ACCEPTED, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(accepted));
  }

  private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A valid token with the intake scope; null for anything else. */
  private TokenPrincipal intakeToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    TokenPrincipal token = tokens.authenticate(authorization.substring(7).strip()).orElse(null);
    return token != null && token.can(ApiScope.INTAKE) ? token : null;
  }

  /** application/json, with no charset or UTF-8: what the controller takes without a question. */
  static boolean plainJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    return type.equals("application/json") || type.equals("application/json;charset=utf-8");
  }

  /**
   * The body as text when it is strict UTF-8 with no NUL and no backslash-u escape, else null: those the request
   * body guard checks further (a NUL, half a surrogate pair), on the long way.
   */
  static String plainText(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (body[i] == 0 || body[i] == '\\' && i + 1 < body.length && body[i + 1] == 'u') {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The log's refusal (429, 503), as the API's problem advice answers it. */
  private void problem(HttpServletRequest request, HttpServletResponse response, ProblemException e)
      throws IOException {
    ProblemDetail problem = ProblemDetails.of(e);
    problem.setInstance(URI.create(request.getRequestURI()));
    if (e.status() == 429 || e.status() == 503) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    write(response, e.status(), PROBLEM_TYPE, json.writeValueAsBytes(problem));
  }

  /** The request with its body, already read here, to be read again the long way. */
  static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
