package dev.tact.conversation;

import java.util.Optional;
import java.util.UUID;

/**
 * The version of a conversation that the page or API client asking for a change had seen (ADR 0037). The web layer
 * sets it around one request; the request's first recorded change of that conversation then counts the version up
 * only if it is still the one seen, in the same statement, and otherwise fails with
 * {@link ConversationChangedSince} so that the whole change rolls back. Later changes in the same request (a reply
 * that also opens the conversation) are the agent's own and count up without a check.
 */
public final class SeenVersion {

  /** Ends the expectation (try-with-resources). */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  record Expectation(UUID conversationId, long version, int staleStatus) {}

  private static final ThreadLocal<Expectation> CURRENT = new ThreadLocal<>();

  private SeenVersion() {}

  /**
   * Expects the conversation at {@code version} until the scope closes.
   *
   * @param staleStatus the HTTP status of the answer when it changed meanwhile (409 for pages, 412 for If-Match)
   */
  public static Scope expect(UUID conversationId, long version, int staleStatus) {
    CURRENT.set(new Expectation(conversationId, version, staleStatus));
    return CURRENT::remove;
  }

  /** The expectation for this conversation, once: the first change checks it, later ones do not. */
  static Optional<Expectation> take(UUID conversationId) {
    Expectation expectation = CURRENT.get();
    if (expectation == null || !expectation.conversationId().equals(conversationId)) {
      return Optional.empty();
    }
    CURRENT.remove();
    return Optional.of(expectation);
  }
}
