package dev.tact.webform;

import dev.tact.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;

/**
 * The checks a sent form must pass before anything is stored, from what the request carries alone: the honeypot
 * field is empty, the ticket is Tact's and for this form, it was issued long enough ago (people read and type) and not
 * too long ago, and the page's script did the work the ticket asked. Plain Java; whether the ticket was used before
 * is asked of the database afterwards ({@link UsedTickets}).
 */
final class SpamChecks {

  private final TicketCodec codec;
  private final Duration minTimeToSubmit;
  private final Duration lifetime;

  SpamChecks(TicketCodec codec, Duration minTimeToSubmit, Duration lifetime) {
    this.codec = codec;
    this.minTimeToSubmit = minTimeToSubmit;
    this.lifetime = lifetime;
  }

  /** The ticket, when every check passes; else a 422 saying, in words a customer understands, what to do. */
  FormTicket check(String slug, String token, String nonce, String honeypot, Instant now) {
    if (honeypot != null && !honeypot.isEmpty()) {
      throw ProblemException.invalid("looks-automated", "This message looks automated and was not sent. If you are "
          + "a person, leave the field 'Leave this empty' empty and send again.");
    }
    FormTicket ticket = codec.read(token);
    if (ticket == null || !ticket.slug().equals(slug)) {
      throw ProblemException.invalid("invalid-ticket", "This form page is not valid (it was changed or belongs to "
          + "another form). Reload the page and send your message again.");
    }
    Duration age = Duration.between(ticket.issuedAt(), now);
    if (age.compareTo(minTimeToSubmit) < 0) {
      throw ProblemException.invalid("sent-too-fast", "The form was sent " + Math.max(0, age.toMillis()) / 1000.0
          + " seconds after the page opened; people need longer. Wait a moment and send again.");
    }
    if (age.compareTo(lifetime) > 0) {
      throw ProblemException.invalid("ticket-expired", "The form was open for more than " + lifetime.toMinutes()
          + " minutes. Reload the page (copy your text first) and send again.");
    }
    if (!TicketCodec.solved(ticket.challenge(), nonce, ticket.bits())) {
      throw ProblemException.invalid("proof-of-work-missing", "Your browser did not finish the page's check against "
          + "automated messages (it needs JavaScript). Wait until the button says it is ready, then send again.");
    }
    return ticket;
  }
}
