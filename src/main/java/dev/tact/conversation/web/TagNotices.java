package dev.tact.conversation.web;

import dev.tact.shared.Wording;
import java.util.Collection;
import java.util.List;

/** What the conversation page says after tags were added or removed, naming them. */
final class TagNotices {

  private TagNotices() {}

  /** For tags given (normalised) to a conversation that had {@code before}. */
  static String added(Collection<String> given, Collection<String> before) {
    List<String> added = given.stream().filter(tag -> !before.contains(tag)).toList();
    List<String> already = given.stream().filter(before::contains).toList();
    StringBuilder notice = new StringBuilder();
    if (!added.isEmpty()) {
      notice.append(added.size() == 1 ? "Tag " : "Tags ").append(quoted(added)).append(" added.");
    }
    if (!already.isEmpty()) {
      notice.append(notice.isEmpty() ? "" : " ").append(quoted(already))
          .append(already.size() == 1 ? " was already a tag." : " were already tags.");
    }
    return notice.toString();
  }

  static String removed(String tag, boolean had) {
    return had ? "Tag " + quoted(List.of(tag)) + " removed." : quoted(List.of(tag)) + " was not a tag here.";
  }

  private static String quoted(List<String> tags) {
    return Wording.list(tags.stream().map(tag -> "“" + tag + "”").toList());
  }
}
