package dev.tact.web;

import dev.tact.shared.web.ProblemDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems in one shape: a stable {@code type} made from the code, the {@code code}
 * itself for programs, a title, and a detail for people.
 */
@Component
public class ProblemResponses {

  public static final String TYPE_PREFIX = ProblemDetails.TYPE_PREFIX;

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  public static ProblemDetail problem(int status, String code, String title, String detail) {
    return ProblemDetails.of(status, code, title, detail);
  }

  /** For filters that answer before any controller runs (401, 403, 413); the body is UTF-8, and says so. */
  public void write(HttpServletResponse response, int status, String code, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8);
    response.getWriter().write(json.writeValueAsString(problem(status, code, title, detail)));
  }

  /** A problem that never changes, rendered once, for a filter that answers it often (the API's 401). */
  public Rendered render(int status, String code, String title, String detail) {
    return new Rendered(status, json.writeValueAsBytes(problem(status, code, title, detail)));
  }

  /** A problem's status and UTF-8 JSON, written as they are. */
  public record Rendered(int status, byte[] body) {

    private static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";

    public void write(HttpServletResponse response) throws IOException {
      response.setStatus(status);
      response.setContentType(CONTENT_TYPE);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
