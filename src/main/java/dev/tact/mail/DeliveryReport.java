package dev.tact.mail;

import java.util.List;

/**
 * What a bounce says: the message it reports on and what happened per recipient. Made from an RFC 3464
 * {@code multipart/report; report-type=delivery-status}, or, for classic non-standard bounces, from the attached
 * original and the text (then {@code standard} is false and recipients may be empty).
 *
 * @param standard whether it came from an RFC 3464 delivery-status part
 * @param originalMessageId Message-ID of the bounced message without angle brackets, or null when not found
 * @param reportingMta the Reporting-MTA value, or null
 * @param recipients per-recipient results
 */
public record DeliveryReport(boolean standard, String originalMessageId, String reportingMta,
    List<Recipient> recipients) {

  public DeliveryReport {
    recipients = List.copyOf(recipients);
  }

  /**
   * One recipient's result.
   *
   * @param recipient the final (or original) recipient address, type prefix such as {@code rfc822;} removed
   * @param action e.g. {@code failed}, {@code delayed}, {@code delivered}; lower-cased; null if absent
   * @param status the enhanced status code, e.g. {@code 5.1.1}; null if absent
   * @param diagnostic the Diagnostic-Code text, or null
   */
  public record Recipient(String recipient, String action, String status, String diagnostic) {

    /** Whether this recipient permanently failed (action failed or a 5.x.x status). */
    public boolean isPermanentFailure() {
      return "failed".equals(action) || (status != null && status.startsWith("5"));
    }
  }
}
