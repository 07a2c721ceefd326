package dev.tact.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address of Tact that customers reach, written into survey links
 * @param answerWindow how long after it was sent a survey may be answered and the answer changed
 */
@ConfigurationProperties("tact.survey")
public record SurveyProperties(@DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("7d") Duration answerWindow) {

  public SurveyProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
