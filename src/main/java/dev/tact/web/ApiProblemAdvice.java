package dev.tact.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the REST API as Problem Details with a stable type and code. */
@RestControllerAdvice(basePackages = "dev.tact.web.api", annotations = ApiController.class)
class ApiProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> domain(ProblemException e, HttpServletRequest request) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e.status() == 429 || e.status() == 503) {
      response.header(HttpHeaders.RETRY_AFTER, "1");
    }
    ProblemDetail problem = ProblemResponses.problem(e.status(), e.code(), e.title(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return response.body(withInstance(problem, request));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    return RequestBodyException.in(e).map(refused -> refused(refused, request)).orElseGet(() ->
        respond(400, "malformed-request", "Malformed request", "The request body could not be read as JSON of the expected shape.", request));
  }

  /** A body refused while a controller read it itself (raw mail): too large, or text Tact does not store. */
  @ExceptionHandler(RequestBodyException.class)
  ResponseEntity<ProblemDetail> refused(RequestBodyException e, HttpServletRequest request) {
    return respond(e.status(), e.code(), e.title(), e.getMessage(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return respond(400, "invalid-parameter", "Invalid parameter",
        "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".", request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(400, "missing-parameter", "Missing parameter", "The parameter " + e.getParameterName() + " is required.", request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.", request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(405, "method-not-allowed", "Method not allowed", e.getMethod() + " is not allowed here.", request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
    return respond(404, "not-found", "Not found", "There is nothing at " + request.getRequestURI() + ".", request);
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(500, "internal-error", "Internal error", "Something went wrong on our side; it has been logged.", request);
  }

  private static ResponseEntity<ProblemDetail> respond(int status, String code, String title, String detail,
      HttpServletRequest request) {
    return ResponseEntity.status(status).body(withInstance(ProblemResponses.problem(status, code, title, detail), request));
  }

  private static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
    problem.setInstance(java.net.URI.create(request.getRequestURI()));
    return problem;
  }
}
