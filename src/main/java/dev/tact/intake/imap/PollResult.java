package dev.tact.intake.imap;

/**
 * How one poll of a mailbox ended.
 *
 * @param logged messages committed to the inbound log by this poll
 * @param outcome why it ended
 * @param error what went wrong, for the mailbox's last error; null when nothing did
 */
record PollResult(int logged, Outcome outcome, String error) {

  enum Outcome {
    /** Everything new was fetched. */
    DONE,
    /** The server could not be reached, logged into or read: retried with back-off. */
    SERVER_FAILED,
    /** The inbound log answered 429/503: the rest waits for the next poll. */
    INTAKE_BUSY,
    /** Another node took the mailbox over (or it was deleted or disabled): stop quietly. */
    LEASE_LOST
  }
}
