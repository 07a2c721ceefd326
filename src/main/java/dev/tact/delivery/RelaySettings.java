package dev.tact.delivery;

import java.time.Instant;

/**
 * The SMTP relay Tact sends through and the From of its mail, as in force (never the password).
 *
 * @param host the relay; blank: none is configured, mail is queued but not sent
 * @param security NONE, STARTTLS (when offered), STARTTLS_REQUIRED or SMTPS
 * @param username the login; blank: none
 * @param passwordSet whether a password is kept (it is never shown)
 * @param fromAddress the From address of notices and staff mail, and of replies in conversations not opened through
 *     a mailbox
 * @param fromName the From display name of everything Tact sends
 * @param stored true when an admin saved these (Admin → Sending mail); false when they are {@code tact.delivery.*}
 */
public record RelaySettings(String host, int port, DeliveryProperties.Security security, String username,
    boolean passwordSet, String fromAddress, String fromName, boolean stored, String updatedBy, Instant updatedAt) {

  public boolean configured() {
    return host != null && !host.isBlank();
  }

  /**
   * What an admin saves. A missing port takes the TLS mode's usual one (465 for SMTPS, 587 otherwise); a missing
   * TLS mode is STARTTLS; a blank password keeps the one kept, {@code removePassword} drops it.
   */
  public record Change(String host, Integer port, String security, String username, String password,
      Boolean removePassword, String fromAddress, String fromName) {}

  /** What a test mail came to: whether the relay took it, its reply code, and the answer in words. */
  public record TestMail(String to, String relay, boolean accepted, Integer replyCode, String answer) {}
}
