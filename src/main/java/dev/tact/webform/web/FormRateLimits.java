package dev.tact.webform.web;

import dev.tact.shared.web.ProblemDetails;
import dev.tact.shared.web.VisitorRateLimiter;
import dev.tact.webform.WebformProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-address limits on the public forms, before a body is read: sending a form (POST) has a tight limit, fetching a
 * page or a challenge a looser one. Past it: 429 with Retry-After, a readable page for a browser, Problem Details
 * when the client asks for JSON. Each node counts on its own ({@link VisitorRateLimiter}).
 */
@Component
class FormRateLimits extends OncePerRequestFilter {

  private static final Pattern SUBMIT = Pattern.compile("/forms/[^/]+(?:/embed)?/?");
  private static final Pattern PAGE = Pattern.compile("/forms/[^/]+(?:/embed|/challenge)?/?");

  private final VisitorRateLimiter submits;
  private final VisitorRateLimiter pages;
  private final JsonMapper json;
  private final Counter refused;

  FormRateLimits(WebformProperties properties, JsonMapper json, MeterRegistry meters) {
    this.submits = new VisitorRateLimiter(properties.submitBurst(), properties.submitPerMinute(),
        properties.maxKeys());
    this.pages = new VisitorRateLimiter(properties.pageBurst(), properties.pagePerMinute(), properties.maxKeys());
    this.json = json;
    this.refused = Counter.builder("tact.webform.rate.limited").description("Form requests answered 429")
        .register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/forms/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    VisitorRateLimiter limiter = null;
    if ("POST".equals(request.getMethod()) && SUBMIT.matcher(path).matches()) {
      limiter = submits;
    } else if ("GET".equals(request.getMethod()) && PAGE.matcher(path).matches() && !path.startsWith("/forms/assets/")) {
      limiter = pages;
    }
    long wait = limiter == null ? 0 : limiter.secondsToWait(request.getRemoteAddr());
    if (wait == 0) {
      chain.doFilter(request, response);
      return;
    }
    refused.increment();
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
    response.setHeader(HttpHeaders.CONNECTION, "close"); // the body is not read
    String detail = "Too many messages from your address in a short time. Please wait " + wait
        + (wait == 1 ? " second" : " seconds") + " and try again.";
    if (wantsJson(request)) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", ProblemDetails.TYPE_PREFIX + "rate-limited");
      problem.put("title", "Too many requests");
      problem.put("status", 429);
      problem.put("detail", detail);
      problem.put("code", "rate-limited");
      problem.put("retryAfterSeconds", wait);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(json.writeValueAsBytes(problem));
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors *");
    response.getOutputStream().write(("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Please wait a moment</title><link rel="stylesheet" href="/forms/assets/webform.css"></head>
        <body class="webform"><main><h1>Please wait a moment</h1>
        <p class="problem" role="alert">%s</p>
        <p>Your message was not sent. Go back, wait, and send it again; what you wrote is still in the form.</p>
        </main></body></html>
        """.formatted(detail)).getBytes(StandardCharsets.UTF_8));
  }

  static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    String type = request.getContentType();
    return (accept != null && accept.contains("json")) || (type != null && type.contains("json")
        && (accept == null || !accept.contains("text/html")));
  }
}
