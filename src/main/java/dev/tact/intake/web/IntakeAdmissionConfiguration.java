package dev.tact.intake.web;

import dev.tact.intake.IntakeAdmissionProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** {@link IntakeAdmission} runs first, before security and body checks: a refusal must cost next to nothing. */
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
}
