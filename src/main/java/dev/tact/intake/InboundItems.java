package dev.tact.intake;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins see of the inbound log: items by state, and retrying parked ones. */
@Service
public class InboundItems {

  private final ItemStore items;
  private final PipelineSignal signal;
  private final Clock clock;
  private final AuditLog audit;

  InboundItems(ItemStore items, PipelineSignal signal, Clock clock, AuditLog audit) {
    this.items = items;
    this.signal = signal;
    this.clock = clock;
    this.audit = audit;
  }

  public Optional<InboundItem> find(UUID id) {
    return items.find(id);
  }

  public InboundItem require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("item", id));
  }

  /** The item, when this API token submitted it; any other is a 404, as if it did not exist. */
  public InboundItem requireSubmittedBy(UUID id, UUID tokenId) {
    if (!items.submittedBy(id, tokenId)) {
      throw ProblemException.notFound("item", id);
    }
    return require(id);
  }

  /** An item's raw bytes (an email's MIME as received); empty for items that are text only. */
  public Optional<byte[]> rawContent(UUID id) {
    require(id);
    return Optional.ofNullable(items.rawContent(id));
  }

  public PageResult<InboundItem> list(ItemState state, PageRequest page) {
    return items.list(state, page);
  }

  public long count(ItemState state) {
    return items.count(state);
  }

  /** Puts a parked item back in the pipeline; its error stays visible until it succeeds. */
  @Transactional
  public InboundItem retry(UUID id) {
    InboundItem item = require(id);
    if (item.state() != ItemState.PARKED) {
      throw ProblemException.conflict("item-not-parked", "Only parked items can be retried; this one is " + item.state().name().toLowerCase() + ".");
    }
    items.requeueParked(id, clock.instant());
    audit.record(AuditRecord.of("intake.item.retried", "inbound-item", id, "Retried parked " + item.channel()
        + " item " + id + " (last error: " + item.lastError() + ")"));
    signal.itemsLogged();
    return require(id);
  }
}
