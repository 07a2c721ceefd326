package dev.tact.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the public address of Tact that customers reach, written into survey links
 * @param answerWindow how long after it was sent a survey may be answered and the answer changed
 * @param pageBurst survey pages one client address may open at once
 * @param pagePerMinute survey pages one client address may open each minute after that
 * @param answerBurst answers (and "don't ask me again") one client address may send at once
 * @param answerPerMinute answers one client address may send each minute after that
 * @param maxKeys client addresses remembered by each limit
 */
@ConfigurationProperties("tact.survey")
public record SurveyProperties(@DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("7d") Duration answerWindow, @DefaultValue("30") long pageBurst,
    @DefaultValue("30") long pagePerMinute, @DefaultValue("10") long answerBurst,
    @DefaultValue("10") long answerPerMinute, @DefaultValue("100000") int maxKeys) {

  public SurveyProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
