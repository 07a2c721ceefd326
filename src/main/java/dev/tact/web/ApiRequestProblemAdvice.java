package dev.tact.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem Details for API requests that no controller takes: an unsupported content type (415), method (405) or
 * Accept (406), or a path with nothing behind it (404). These are decided while the handler is looked for, so
 * {@link ApiProblemAdvice}, which holds for the API's controllers, never sees them. Requests outside the API are
 * passed on (rethrown) to the default error page.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ApiRequestProblemAdvice {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    requireApi(request, e);
    return respond(415, "unsupported-media-type", "Unsupported media type", "Content-Type "
        + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not accepted here; send "
        + (e.getSupportedMediaTypes().isEmpty() ? "application/json" : e.getSupportedMediaTypes().get(0)) + ".",
        request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    requireApi(request, e);
    ResponseEntity<ProblemDetail> answer = respond(405, "method-not-allowed", "Method not allowed",
        e.getMethod() + " is not allowed here.", request);
    return e.getSupportedHttpMethods() == null ? answer
        : ResponseEntity.status(405).allow(e.getSupportedHttpMethods().toArray(new org.springframework.http.HttpMethod[0]))
            .body(answer.getBody());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
      throws HttpMediaTypeNotAcceptableException {
    requireApi(request, e);
    return respond(406, "not-acceptable", "Not acceptable", "This answers application/json only.", request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    requireApi(request, e);
    return respond(404, "not-found", "Not found", "There is nothing at " + request.getRequestURI() + ".", request);
  }

  private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw e;
    }
  }

  private static ResponseEntity<ProblemDetail> respond(int status, String code, String title, String detail,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemResponses.problem(status, code, title, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(status).body(problem);
  }
}
