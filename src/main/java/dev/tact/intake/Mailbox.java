package dev.tact.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A configured support address and how Tact fetches its mail. The IMAP password is never part
 * of it: {@code passwordSet} says whether one is stored.
 *
 * @param address the address customers write to, lower case, unique
 * @param teamId the team new conversations from this mailbox go to, or null
 * @param uidValidity the IMAP folder's UIDVALIDITY the fetched UIDs belong to, null before the first poll
 * @param lastUid the highest UID fetched and committed to the inbound log (0: none yet)
 * @param lastError why the last poll failed, null when it succeeded
 * @param skippedMessages messages left on the server because they could not be logged (too large)
 * @param lastSkipped which message was skipped last and why
 */
public record Mailbox(UUID id, String name, String address, UUID teamId, boolean imapEnabled, String imapHost,
    int imapPort, Security imapSecurity, String imapUsername, boolean passwordSet, String imapFolder,
    AfterFetch afterFetch, String moveToFolder, int pollIntervalSeconds, Long uidValidity, long lastUid,
    Instant lastPolledAt, String lastError, Instant lastErrorAt, int skippedMessages, String lastSkipped,
    Instant createdAt, Instant updatedAt) {

  /** How the IMAP connection is protected. */
  public enum Security {
    /** TLS from the first byte, usually port 993. */
    IMAPS,
    /** Plain connection upgraded with STARTTLS (required), usually port 143. */
    STARTTLS,
    /** No encryption: only for servers on the same host or a trusted network. */
    PLAIN;

    public int defaultPort() {
      return this == IMAPS ? 993 : 143;
    }
  }

  /** What happens to a message on the server once it is committed to the inbound log. */
  public enum AfterFetch {
    /** Flag it \Seen and leave it in the folder. */
    MARK_SEEN,
    /** Move it to {@link Mailbox#moveToFolder()}. */
    MOVE
  }
}
