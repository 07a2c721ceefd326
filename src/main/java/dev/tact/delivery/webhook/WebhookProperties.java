package dev.tact.delivery.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook POSTs to SMS and social adapters, and how often to try again.
 *
 * @param connectTimeout how long to wait for the connection
 * @param requestTimeout how long to wait for the whole answer
 * @param maxAttempts attempts in all, the first included, before a message counts as failed
 * @param initialBackoff the wait before the second attempt; each further wait is {@code multiplier} times longer
 * @param maxBackoff the longest wait between two attempts
 * @param jitter a fraction of each wait taken off at random (0 to 1), so that retries of many messages spread out
 */
@ConfigurationProperties("tact.delivery.webhook")
public record WebhookProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("30s") Duration initialBackoff,
    @DefaultValue("2") double multiplier,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("0.2") double jitter) {

  public WebhookRetryPolicy retryPolicy() {
    return new WebhookRetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter);
  }
}
