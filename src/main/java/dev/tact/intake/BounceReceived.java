package dev.tact.intake;

import dev.tact.mail.DeliveryReport;
import java.time.Instant;

/**
 * A bounce (delivery status notification) arrived about a message Tact sent, named by its
 * Message-ID (without angle brackets). Published in the intake's transaction, whether or not the
 * bounce could be filed into a conversation; {@code report} is null when only the attached
 * original named the message.
 */
public record BounceReceived(String bouncedMessageId, DeliveryReport report, Instant receivedAt) {

  /** Whether the report says delivery failed for good (a report saying "delayed" does not). */
  public boolean permanent() {
    return report == null || report.recipients().isEmpty()
        || report.recipients().stream().anyMatch(DeliveryReport.Recipient::isPermanentFailure);
  }

  /** The diagnostic in words, for the outbox row. */
  public String reason() {
    if (report == null || report.recipients().isEmpty()) {
      return "a bounce arrived";
    }
    DeliveryReport.Recipient r = report.recipients().stream().filter(DeliveryReport.Recipient::isPermanentFailure)
        .findFirst().orElse(report.recipients().getFirst());
    String status = r.status() == null ? "" : " " + r.status();
    String diagnostic = r.diagnostic() == null ? "" : ": " + r.diagnostic();
    return "bounced" + status + diagnostic;
  }
}
