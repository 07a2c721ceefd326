package dev.tact.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxTextLength longest message text accepted, in characters (longer: 413)
 * @param maxRequestBytes largest request body accepted, in bytes (larger: 413)
 * @param maxMailBytes largest raw email accepted, in bytes (larger: 413 on the API, 552 over SMTP)
 * @param maxConcurrentMailUploads raw emails read at once from {@code POST /api/v1/mail} (each is held in memory
 *     while it is read, up to maxMailBytes); more at the same time get 429 with Retry-After
 * @param log the group-committed inbound log
 * @param pipeline the workers that turn logged items into messages
 */
@ConfigurationProperties("tact.intake")
public record IntakeProperties(@DefaultValue("100000") int maxTextLength,
    @DefaultValue("1048576") int maxRequestBytes, @DefaultValue("73400320") int maxMailBytes, @DefaultValue Log log, @DefaultValue Pipeline pipeline,
    @DefaultValue("8") int maxConcurrentMailUploads) {

  public IntakeProperties {
    if (maxConcurrentMailUploads < 1) {
      throw new IllegalArgumentException("tact.intake.max-concurrent-mail-uploads must be at least 1");
    }
  }

  /**
   * @param queueCapacity requests waiting for a commit before new ones get 429
   * @param maxBatch most items written in one transaction
   * @param writers threads that commit batches (each a transaction at a time)
   * @param commitTimeout how long a request waits for its commit before it gets 503
   */
  public record Log(@DefaultValue("20000") int queueCapacity, @DefaultValue("500") int maxBatch,
      @DefaultValue("1") int writers, @DefaultValue("30s") Duration commitTimeout) {}

  /**
   * @param enabled whether this node processes logged items (a node may only accept)
   * @param workers threads claiming items
   * @param batchSize most items a worker claims and processes in one transaction (after a failure: one at a
   *     time, each in a savepoint)
   * @param pollInterval how often an idle worker looks for due items it was not told about
   * @param maxAttempts failures before an item is parked
   * @param retryBackoff delay before the first retry; doubles with each attempt
   */
  public record Pipeline(@DefaultValue("true") boolean enabled, @DefaultValue("2") int workers,
      @DefaultValue("500ms") Duration pollInterval, @DefaultValue("5") int maxAttempts,
      @DefaultValue("1s") Duration retryBackoff, @DefaultValue("20") int batchSize) {}
}
