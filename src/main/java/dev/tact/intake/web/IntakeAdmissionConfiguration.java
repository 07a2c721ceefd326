package dev.tact.intake.web;

import dev.tact.intake.IntakeAdmissionProperties;
import dev.tact.intake.IntakeProperties;
import dev.tact.intake.MessageIntake;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.TokenRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link IntakeAdmission} runs first, before security and body checks: a refusal must cost next to nothing. The
 * {@link SingleMessageLane} right after it, before them too: it answers only what they would let through.
 */
@Configuration(proxyBeanMethods = false)
class IntakeAdmissionConfiguration {

  @Bean
  FilterRegistrationBean<IntakeAdmission> intakeAdmission(IntakeAdmissionProperties properties, JsonMapper json,
      MeterRegistry meters) {
    FilterRegistrationBean<IntakeAdmission> registration = new FilterRegistrationBean<>(
        new IntakeAdmission(properties, json, meters));
    registration.addUrlPatterns(IntakeAdmission.MESSAGES, IntakeAdmission.BATCH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setName("intakeAdmission");
    return registration;
  }

  @Bean
  FilterRegistrationBean<SingleMessageLane> singleMessageLane(MessageIntake intake, ApiTokens tokens,
      TokenRateLimiter limiter, JsonMapper json, IntakeProperties properties) {
    FilterRegistrationBean<SingleMessageLane> registration = new FilterRegistrationBean<>(
        new SingleMessageLane(intake, tokens, limiter, json, properties.maxRequestBytes()));
    registration.addUrlPatterns(SingleMessageLane.PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    registration.setName("singleMessageLane");
    return registration;
  }
}
