package dev.tact.mail.mime;

import dev.tact.shared.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-ID, In-Reply-To and References values: ids without angle brackets. An id holding a control
 * character is dropped: ids are written back into the headers of replies, where it could break the line.
 */
public final class MessageIds {

  private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
  /** An id starts only where a run of its characters starts: see {@code Addresses}' address pattern for why. */
  private static final Pattern BARE = Pattern.compile("(?<![^\\s<>,;\"()])[^\\s<>,;\"()]+@[^\\s<>,;\"()]+");

  private MessageIds() {
  }

  /** The first id in the value, or null. */
  public static String first(String value) {
    List<String> ids = all(value);
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** All ids in the value, in order. Bare ids (without brackets) are accepted when nothing is bracketed. */
  public static List<String> all(String value) {
    List<String> ids = new ArrayList<>();
    if (value == null) {
      return ids;
    }
    Matcher matcher = BRACKETED.matcher(value);
    boolean bracketed = false;
    while (matcher.find()) {
      bracketed = true;
      addClean(ids, matcher.group(1));
    }
    if (!bracketed) {
      Matcher bare = BARE.matcher(value);
      boolean found = false;
      while (bare.find()) {
        found = true;
        addClean(ids, bare.group());
      }
      if (!found && !value.isBlank() && !value.strip().contains(" ")) {
        addClean(ids, value.strip());
      }
    }
    return ids;
  }

  private static void addClean(List<String> ids, String id) {
    if (ControlCharacters.firstIn(id) < 0) {
      ids.add(id);
    }
  }
}
