package dev.tact.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tact.api.token-rate-limit.per-second} and {@code .burst}: the rate limit of every API token that has none
 * of its own (default 100 requests per second, bursts of 200).
 */
@ConfigurationProperties("tact.api")
public record ApiTokenProperties(@DefaultValue TokenRateLimit tokenRateLimit) {

  public record TokenRateLimit(@DefaultValue("100") int perSecond, @DefaultValue("200") int burst) {}

  ApiRateLimit defaultRateLimit() {
    return new ApiRateLimit(false, tokenRateLimit.perSecond(), tokenRateLimit.burst());
  }
}
