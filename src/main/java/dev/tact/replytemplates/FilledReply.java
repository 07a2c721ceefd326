package dev.tact.replytemplates;

import java.util.List;

/**
 * A template filled in for one conversation.
 *
 * @param text what goes into the reply box: merge fields replaced by their values; a field without a value stays
 *     as written ({@code {{contact.family_name}}}) so that it is seen, never silently blank
 * @param parts the same text in pieces, for the preview, each marked as plain text, filled, missing or unknown
 * @param missing fields the record has no value for, in order, each once
 * @param unknown fields that are not merge fields at all (a typo), in order, each once
 */
public record FilledReply(String text, List<Part> parts, List<String> missing, List<String> unknown) {

  public FilledReply {
    parts = List.copyOf(parts);
    missing = List.copyOf(missing);
    unknown = List.copyOf(unknown);
  }

  public boolean complete() {
    return missing.isEmpty() && unknown.isEmpty();
  }

  /** One piece of the filled text: {@code field} is null for plain text. */
  public record Part(Kind kind, String text, String field) {}

  public enum Kind {
    TEXT,
    FILLED,
    MISSING,
    UNKNOWN
  }
}
