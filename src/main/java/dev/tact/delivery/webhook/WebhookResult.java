package dev.tact.delivery.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * What one webhook POST came to.
 *
 * @param status the HTTP status, 0 when no response came (timeout, refused connection)
 * @param retryable whether the same POST may succeed later (5xx, 408, 425, 429, network errors)
 * @param retryAfter the wait the receiver asked for with Retry-After, if any
 * @param error what went wrong, for people (null when delivered)
 */
public record WebhookResult(int status, boolean delivered, boolean retryable, Optional<Duration> retryAfter,
    String error) {

  static WebhookResult delivered(int status) {
    return new WebhookResult(status, true, false, Optional.empty(), null);
  }

  static WebhookResult failed(int status, boolean retryable, Optional<Duration> retryAfter, String error) {
    return new WebhookResult(status, false, retryable, retryAfter, error);
  }
}
