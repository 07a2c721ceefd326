package dev.tact.noise;

import dev.tact.conversation.InboundMessage;

/**
 * A new inbound message, its contact resolved, before it is filed.
 *
 * @param message what intake would file; its {@code text} is what is compared (for a staff forward: the original text)
 * @param authorKey who wrote the text (for a staff forward: the original sender), lower case; null when unknown
 * @param sender the address or handle that sent it to us (for a staff forward: the forwarder), for rate limits
 * @param reporter who reported it, as shown to agents ("Name <address>")
 * @param forwarded whether staff forwarded it on the author's behalf
 * @param comment what the forwarder wrote above the forward, or null
 * @param unauthenticated the sender could not be verified (email failing SPF, DKIM and DMARC): never exempt from
 *     the rate limits as staff, a customer with a tier or a known customer
 */
public record NoiseCandidate(InboundMessage message, String authorKey, String sender, String reporter,
    boolean forwarded, String comment, boolean unauthenticated) {

  public NoiseCandidate(InboundMessage message, String authorKey, String sender, String reporter, boolean forwarded,
      String comment) {
    this(message, authorKey, sender, reporter, forwarded, comment, false);
  }

  public NoiseCandidate {
    authorKey = authorKey == null || authorKey.isBlank() ? null : authorKey.strip().toLowerCase(java.util.Locale.ROOT);
    sender = sender == null ? "" : sender.strip().toLowerCase(java.util.Locale.ROOT);
    comment = comment == null || comment.isBlank() ? null : comment.strip();
  }
}
