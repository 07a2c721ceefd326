package dev.tact.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID, In-Reply-To and References values: ids without angle brackets. */
public final class MessageIds {

  private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
  private static final Pattern BARE = Pattern.compile("[^\\s<>,;\"()]+@[^\\s<>,;\"()]+");

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
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    if (ids.isEmpty()) {
      Matcher bare = BARE.matcher(value);
      while (bare.find()) {
        ids.add(bare.group());
      }
      if (ids.isEmpty() && !value.isBlank() && !value.strip().contains(" ")) {
        ids.add(value.strip());
      }
    }
    return ids;
  }
}
