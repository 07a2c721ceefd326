package dev.tact.shared.web;

import dev.tact.shared.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems in one shape: a stable {@code type} made from the code, the {@code code} itself for programs,
 * a title, and a detail for people. Shared so that a feature's own controller answers in the same shape as the API.
 */
public final class ProblemDetails {

  public static final String TYPE_PREFIX = "urn:tact:problem:";

  private ProblemDetails() {}

  public static ProblemDetail of(int status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }

  /** The problem a {@link ProblemException} stands for, its extra properties included. */
  public static ProblemDetail of(ProblemException e) {
    ProblemDetail problem = of(e.status(), e.code(), e.title(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return problem;
  }
}
