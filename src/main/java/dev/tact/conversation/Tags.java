package dev.tact.conversation;

import dev.tact.shared.ProblemException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tag is: 1 to 64 letters, digits, single spaces and {@code - _ : .}, starting with a letter or digit, kept
 * in lower case. A tag may be several words ("needs follow up" is one tag): people separate tags with commas.
 */
public final class Tags {

  private static final int MAX_LENGTH = 64;
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_:. -]*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Tags() {}

  /** The tags in text as people type them, separated by commas: "vip, needs follow up" is two tags. */
  public static Set<String> fromText(String text) {
    List<String> parts = text == null ? List.of()
        : Arrays.stream(text.split(",")).filter(part -> !part.isBlank()).toList();
    return normalise(parts);
  }

  /** The tags as stored (lower case, single spaces), in the order given; a bad one or none at all is a 422. */
  public static Set<String> normalise(Collection<String> tags) {
    Set<String> result = new LinkedHashSet<>();
    for (String raw : tags == null ? List.<String>of() : tags) {
      result.add(normalise(raw));
    }
    if (result.isEmpty()) {
      throw ProblemException.invalid("invalid-tag", "Give at least one tag.");
    }
    return result;
  }

  /** One tag as stored; a 422 when it is not a tag. */
  public static String normalise(String raw) {
    String tag = raw == null ? "" : SPACES.matcher(raw.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    if (tag.length() > MAX_LENGTH || !TAG.matcher(tag).matches()) {
      throw ProblemException.invalid("invalid-tag", "'" + raw + "' is not a tag: use 1 to 64 letters, digits, "
          + "spaces, '-', '_', ':' or '.', starting with a letter or digit.");
    }
    return tag;
  }
}
