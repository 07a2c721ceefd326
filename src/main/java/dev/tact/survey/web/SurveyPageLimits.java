package dev.tact.survey.web;

import dev.tact.shared.web.VisitorRateLimiter;
import dev.tact.survey.SurveyProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Per-address limits on the public survey page (no login, so anyone may knock): opening it has a loose limit,
 * answering a tight one. Each node counts on its own ({@link VisitorRateLimiter}).
 */
@Component
class SurveyPageLimits {

  private final VisitorRateLimiter pages;
  private final VisitorRateLimiter answers;
  private final Counter refused;

  SurveyPageLimits(SurveyProperties properties, MeterRegistry meters) {
    this.pages = new VisitorRateLimiter(properties.pageBurst(), properties.pagePerMinute(), properties.maxKeys());
    this.answers = new VisitorRateLimiter(properties.answerBurst(), properties.answerPerMinute(),
        properties.maxKeys());
    this.refused = Counter.builder("tact.survey.rate.limited").description("Survey page requests answered 429")
        .register(meters);
  }

  /** Seconds this client must wait before opening a survey page (0: go ahead). */
  long toOpen(HttpServletRequest request) {
    return counted(pages.secondsToWait(request.getRemoteAddr()));
  }

  /** Seconds this client must wait before sending an answer (0: go ahead). */
  long toAnswer(HttpServletRequest request) {
    return counted(answers.secondsToWait(request.getRemoteAddr()));
  }

  private long counted(long wait) {
    if (wait > 0) {
      refused.increment();
    }
    return wait;
  }
}
