package dev.tact.shared;

import java.util.List;

/** Counts and lists as people write them: "1 identity", "2 identities", "vip and needs follow up". */
public final class Wording {

  private Wording() {}

  /** The count with the noun that fits it: {@code count(1, "identity", "identities")} is "1 identity". */
  public static String count(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** Words joined as in a sentence: "a", "a and b", "a, b and c"; empty for none. */
  public static String list(List<String> words) {
    return switch (words.size()) {
      case 0 -> "";
      case 1 -> words.getFirst();
      default -> String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    };
  }
}
