package dev.tact.intake.web;

import dev.tact.intake.IntakeAdmissionProperties;
import dev.tact.shared.web.ProblemDetails;
import io.micrometer.core.instrument.Counter;
import dev.tact.intake.IntakeRefusals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission for message posts (ADR 0051): at most {@code tact.intake.admission.max-in-flight} of them are worked on
 * at once; one more is answered 429 with {@code Retry-After} at once, before its token is checked or its body read,
 * so that under a spike refusing stays cheap and the admitted ones stay fast. Registered ahead of every other filter
 * ({@link IntakeAdmissionConfiguration}). Counter {@code tact.intake.refused} (reason {@code in-flight}), gauge
 * {@code tact.intake.in.flight}.
 */
class IntakeAdmission extends OncePerRequestFilter {

  static final String MESSAGES = "/api/v1/messages";
  static final String BATCH = MESSAGES + "/batch";
  private static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";

  private final Semaphore places;
  private final int max;
  private final byte[] refusal;
  private final Counter refused;

  IntakeAdmission(IntakeAdmissionProperties properties, JsonMapper json, MeterRegistry meters) {
    this.max = properties.maxInFlight();
    this.places = new Semaphore(max);
    this.refusal = json.writeValueAsBytes(ProblemDetails.of(429, "intake-overloaded", "Too many requests",
        "This server works on at most " + max + " message posts at once; send this one again in a second."));
    this.refused = IntakeRefusals.counter(meters, "in-flight");
    Gauge.builder("tact.intake.in.flight", this, IntakeAdmission::inFlight)
        .description("Message posts being worked on now").register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals(MESSAGES) && !path.equals(BATCH);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!places.tryAcquire()) {
      refused.increment();
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      response.setContentType(CONTENT_TYPE);
      response.setContentLength(refusal.length);
      response.getOutputStream().write(refusal);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      places.release();
    }
  }

  int inFlight() {
    return max - places.availablePermits();
  }
}
