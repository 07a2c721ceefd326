package dev.tact.noise;

import dev.tact.conversation.EarlierCopies;
import dev.tact.conversation.EarlierCopy;
import dev.tact.conversation.InboundMessage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells threading about messages noise control kept instead of filing: linked reports and held messages. */
@Component
class NoiseRedeliveries implements EarlierCopies {

  private final ReportStore reports;
  private final MailBombs mailBombs;
  private final NoiseProperties properties;

  NoiseRedeliveries(ReportStore reports, MailBombs mailBombs, NoiseProperties properties) {
    this.reports = reports;
    this.mailBombs = mailBombs;
    this.properties = properties;
  }

  @Override
  public Optional<EarlierCopy> earlierCopyOf(InboundMessage in) {
    if (!properties.enabled() || in.externalMessageId() == null) {
      return Optional.empty();
    }
    Optional<EarlierCopy> report = reports.findByExternalId(in.channel(), in.externalMessageId())
        .map(r -> new EarlierCopy(r.conversationId(), r.id(), null, "Redelivery of a message already reported."));
    if (report.isPresent()) {
      return report;
    }
    // A held message released by an agent comes back as the same item: that is no redelivery.
    return mailBombs.heldByExternalId(in.channel(), in.externalMessageId())
        .filter(h -> !h.itemId().equals(in.inboundItemId()))
        .map(h -> new EarlierCopy(null, null, h.groupId(), "Redelivery of a message already held."));
  }
}
