package dev.tact.mail;

/**
 * Whether the sender of a mail is who its From says, as the trusted receiving host's
 * Authentication-Results tell (see {@link SenderAuthenticator}).
 *
 * @param verdict AUTHENTICATED: DMARC passed, or (without a DMARC verdict) DKIM or SPF passed for the From
 *     domain; FAILED: the trusted host checked and nothing passed for the From domain; UNKNOWN: no trusted host
 *     left a verdict
 * @param passes whether the mail may act with its sender's authority (record an opt-out by itself, count as staff,
 *     a VIP or a known customer): AUTHENTICATED, or UNKNOWN unless {@code tact.mail.authentication.require-verdicts}
 * @param reason why, in words
 * @param results the trusted results that were counted, as written (comments left out), or ""
 */
public record SenderAuthentication(Verdict verdict, boolean passes, String reason, String results) {

  public enum Verdict {
    AUTHENTICATED,
    FAILED,
    UNKNOWN
  }

  /** The verdict of mail that was not read for one, e.g. a message Tact composed. */
  public static SenderAuthentication unknown(String reason, boolean requireVerdicts) {
    return new SenderAuthentication(Verdict.UNKNOWN, !requireVerdicts, reason, "");
  }
}
