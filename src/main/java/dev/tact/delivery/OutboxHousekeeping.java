package dev.tact.delivery;

import dev.tact.shared.Batches;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sent messages keep their row (state, recipient, Message-ID, attempts: what agents and admins see) for good,
 * but their bytes only for {@code tact.delivery.keep-sent-content}: a large installation would otherwise keep
 * a second copy of every reply and campaign mail, customers' words included.
 */
@Component
class OutboxHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

  /** Rows per transaction. */
  static final int BATCH = 500;

  private final OutboxStore store;
  private final DeliveryProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  OutboxHousekeeping(OutboxStore store, DeliveryProperties properties, PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Discards the content of messages sent longer ago than the retention, a batch per transaction. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  int discardOldSentContent() {
    Instant before = clock.instant().minus(properties.keepSentContent());
    int total = Batches.untilShort(transactions, BATCH, () -> store.discardSentContent(before, BATCH));
    if (total > 0) {
      log.info("Discarded the content of {} messages sent before {}", total, before);
    }
    return total;
  }
}
