package dev.tact.web;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for what goes wrong before any servlet runs (request headers too large, a request that is
 * not HTTP): Problem Details for the API and the actuator, Tomcat's terse page elsewhere. Too large request
 * headers are answered 431 (RFC 6585) rather than Tomcat's 400.
 */
class ProblemErrorReportValve extends ErrorReportValve {

  /** Tomcat's own words for too large request headers, in the language it logs in. */
  private static final String HEADERS_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
      .getString("iib.requestheadertoolarge.error");

  private final JsonMapper json;

  ProblemErrorReportValve(JsonMapper json) {
    this.json = json;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    if (uri == null || !(uri.startsWith("/api/") || uri.startsWith("/actuator/"))) {
      super.report(request, response, throwable);
      return;
    }
    if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ProblemDetail problem = problemFor(response.getStatus(), throwable);
    problem.setInstance(safeUri(uri));
    try {
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot be written any more: nothing else to do
    }
  }

  private static ProblemDetail problemFor(int status, Throwable throwable) {
    if (throwable != null && HEADERS_TOO_LARGE.equals(throwable.getMessage())) {
      return ProblemResponses.problem(431, "request-header-too-large", "Request headers too large",
          "The request's headers are larger than this server accepts (server.max-http-request-header-size).");
    }
    if (status == 400) {
      return ProblemResponses.problem(400, "bad-request", "Bad request", "The request is not valid HTTP.");
    }
    return ProblemResponses.problem(status, "http-" + status, "HTTP " + status, "The request was refused.");
  }

  private static URI safeUri(String uri) {
    try {
      return URI.create(uri);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
