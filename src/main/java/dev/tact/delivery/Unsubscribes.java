package dev.tact.delivery;

import dev.tact.delivery.unsubscribe.UnsubscribeTokens;
import dev.tact.delivery.unsubscribe.UnsubscribeTokens.UnsubscribeToken;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unsubscribe links of outgoing mail, as the web door needs them: check a token (for the
 * confirmation page) and record the opt-out in the consent ledger (one-click POST, RFC 8058).
 */
@Service
public class Unsubscribes {

  static final String SOURCE = "one-click unsubscribe";
  static final String RECORDED_BY = "unsubscribe link";

  private final UnsubscribeTokens tokens;
  private final ConsentLedger ledger;

  Unsubscribes(UnsubscribeTokens tokens, ConsentLedger ledger) {
    this.tokens = tokens;
    this.ledger = ledger;
  }

  /** What a link would unsubscribe from; a token that is not ours or was altered: 400, nothing recorded. */
  public Purpose purposeOf(String token) {
    return read(token).purpose();
  }

  /**
   * Records an email opt-out for the token's contact and purpose, at once. Idempotent: when the
   * contact already opted out of that purpose by email, nothing more is written.
   *
   * @param via how it was asked for, kept as evidence ("one-click POST", "confirmation page")
   * @return true when this call recorded it, false when it had been recorded before
   */
  @Transactional
  public boolean unsubscribe(String token, String via) {
    UnsubscribeToken target = read(token);
    if (alreadyOptedOut(target.contactId(), target.purpose())) {
      return false;
    }
    ledger.record(target.contactId(), new ConsentRequest(ConsentEntry.Kind.OPT_OUT, Channel.EMAIL,
        target.purpose(), null, SOURCE, via + "; token " + token.substring(0, 12) + "…", null), RECORDED_BY);
    return true;
  }

  private boolean alreadyOptedOut(UUID contactId, Purpose purpose) {
    return ledger.ledgerOf(contactId).stream().map(r -> r.entry()).anyMatch(e -> e.kind() == ConsentEntry.Kind.OPT_OUT
        && e.purpose() == purpose && e.subject() == null
        && (e.channel() == null || e.channel() == Channel.EMAIL));
  }

  private UnsubscribeToken read(String token) {
    return tokens.read(token).orElseThrow(() -> new ProblemException(400, "invalid-unsubscribe-token",
        "This unsubscribe link is not valid", "The link is incomplete or was changed. Copy the whole link from "
            + "the email, or reply to the email and ask to be unsubscribed."));
  }
}
