package dev.tact.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt of a {@link ChannelSender} came to.
 *
 * @param status the provider's HTTP status, 0 when no answer came
 * @param providerMessageId the provider's id of the message when it took it (kept on the row; status callbacks name
 *     it)
 * @param retryable whether the same attempt may succeed later (5xx, 429, network errors, timeouts)
 * @param retryAfter the wait the provider asked for, if any
 * @param error what went wrong, for people (null when sent)
 */
public record SendAttempt(boolean sent, int status, String providerMessageId, boolean retryable,
    Optional<Duration> retryAfter, String error) {

  public static SendAttempt sent(int status, String providerMessageId) {
    return new SendAttempt(true, status, providerMessageId, false, Optional.empty(), null);
  }

  public static SendAttempt failed(int status, boolean retryable, Optional<Duration> retryAfter, String error) {
    return new SendAttempt(false, status, null, retryable, retryAfter, error);
  }

  /** A Retry-After header's wait in seconds (the HTTP-date form is rare from providers and is ignored). */
  public static Optional<Duration> retryAfter(String headerValue) {
    try {
      long s = Long.parseLong(headerValue.strip());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }
}
