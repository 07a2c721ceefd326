package dev.tact.search;

import dev.tact.conversation.Status;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A search: the words ({@code "quoted phrases"}, {@code -without}, {@code prefix*}; a number finds the conversation
 * with that number), and filters on conversations: statuses (empty for any), team, assignee, channel and last
 * activity from (inclusive) and to (exclusive). With any filter set only conversations are found, not contacts.
 */
public record SearchRequest(String text, Set<Status> statuses, UUID teamId, UUID assigneeId, Channel channel,
    Instant from, Instant to, int limit) {

  public static final int MAX_TEXT = 500;
  public static final int MAX_LIMIT = 100;

  public SearchRequest {
    text = text == null ? "" : text.strip();
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (text.isEmpty()) {
      throw ProblemException.invalid("search-text-missing", "Type at least one word to search for.");
    }
    if (text.length() > MAX_TEXT) {
      throw ProblemException.invalid("search-text-too-long", "A search is at most " + MAX_TEXT + " characters.");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("search-limit", "The limit is between 1 and " + MAX_LIMIT + ".");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.invalid("search-dates", "The date range ends before it starts.");
    }
  }

  public static SearchRequest of(String text) {
    return new SearchRequest(text, Set.of(), null, null, null, null, null, 20);
  }

  boolean filtered() {
    return !statuses.isEmpty() || teamId != null || assigneeId != null || channel != null || from != null
        || to != null;
  }
}
