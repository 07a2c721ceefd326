package dev.tact.intake;

import java.util.UUID;

/**
 * What an admin sends to create or replace a mailbox. Optional fields left null take their
 * defaults (port by security, folder INBOX, mark seen, 60 s). A null or blank password on an
 * update keeps the stored one.
 *
 * @param imapSecurity IMAPS, STARTTLS or PLAIN
 * @param afterFetch MARK_SEEN or MOVE (then {@code moveToFolder} is required)
 */
public record MailboxRequest(String name, String address, UUID teamId, Boolean imapEnabled, String imapHost,
    Integer imapPort, String imapSecurity, String imapUsername, String imapPassword, String imapFolder,
    String afterFetch, String moveToFolder, Integer pollIntervalSeconds) {

  @Override
  public String toString() {
    return "MailboxRequest[name=" + name + ", address=" + address + ", imapHost=" + imapHost + ", imapUsername="
        + imapUsername + ", imapPassword=" + (imapPassword == null ? "null" : "(hidden)") + "]";
  }
}
