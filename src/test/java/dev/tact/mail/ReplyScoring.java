package dev.tact.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Scores an extracted reply against a corpus case.
 *
 * <p>Exact match: the visible text equals the expected reply under the case's comparison mode (exact, strip,
 * rstrip, no_whitespace; CRLF counts as LF). Line-level accuracy: every non-blank line of the text given to the
 * extractor is labelled kept or removed twice, once by aligning the expected reply's lines to the input in order
 * (greedy, comparing lines with surrounding whitespace removed, or all whitespace for no_whitespace cases) and
 * once by aligning the extractor's visible text the same way; accuracy is the fraction of lines with equal labels.
 */
final class ReplyScoring {

  private ReplyScoring() {
  }

  static boolean exactMatch(String expected, String actual, String compare) {
    String e = expected.replace("\r\n", "\n");
    String a = actual.replace("\r\n", "\n");
    return switch (compare.toLowerCase(Locale.ROOT)) {
      case "strip" -> e.strip().equals(a.strip());
      case "rstrip" -> e.stripTrailing().equals(a.stripTrailing());
      case "no_whitespace" -> noWhitespace(e).equals(noWhitespace(a));
      default -> e.equals(a);
    };
  }

  /** Lines agreeing and lines counted, as {agree, total}. */
  static int[] lineAgreement(String input, String expected, String actual, String compare) {
    boolean squeeze = "no_whitespace".equals(compare);
    List<String> inputLines = nonBlankLines(input, squeeze);
    boolean[] expectedKept = align(inputLines, nonBlankLines(expected, squeeze));
    boolean[] actualKept = align(inputLines, nonBlankLines(actual, squeeze));
    int agree = 0;
    for (int i = 0; i < inputLines.size(); i++) {
      if (expectedKept[i] == actualKept[i]) {
        agree++;
      }
    }
    return new int[] {agree, inputLines.size()};
  }

  private static boolean[] align(List<String> input, List<String> kept) {
    boolean[] result = new boolean[input.size()];
    int next = 0;
    for (int i = 0; i < input.size() && next < kept.size(); i++) {
      if (input.get(i).equals(kept.get(next))) {
        result[i] = true;
        next++;
      }
    }
    return result;
  }

  private static List<String> nonBlankLines(String text, boolean squeeze) {
    List<String> lines = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
      String key = squeeze ? noWhitespace(line) : line.strip();
      if (!key.isEmpty()) {
        lines.add(key);
      }
    }
    return lines;
  }

  private static String noWhitespace(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** Result of one upstream check: null when it does not map onto Tact's model. */
  static Boolean check(JsonNode check, ReplyParts parts) {
    String type = check.path("type").asString();
    String value = check.path("value").asString("");
    return switch (type) {
      case "reply_contains" -> parts.visible().contains(value);
      case "reply_not_contains" -> !parts.visible().contains(value);
      case "quoted_contains" -> parts.quoted().contains(value);
      case "quoted_nonempty" -> !parts.quoted().isBlank();
      case "reply_nonempty" -> !parts.visible().isBlank();
      case "any_fragment_flag" -> anyFlag(check, parts);
      case "fragment_equals", "fragment_contains", "fragment_not_contains", "fragment_find" ->
          check.path("index").asInt() == 0 ? firstFragmentCheck(type, check, parts.visible()) : null;
      default -> null;
    };
  }

  private static Boolean anyFlag(JsonNode check, ReplyParts parts) {
    boolean wanted = check.path("value").asBoolean();
    boolean present = switch (check.path("flag").asString()) {
      case "quoted" -> !parts.quoted().isEmpty();
      case "signature" -> !parts.signature().isEmpty();
      case "hidden" -> !parts.quoted().isEmpty() || !parts.signature().isEmpty();
      default -> wanted;
    };
    return present == wanted;
  }

  /** Upstream's first fragment is the top reply text; Tact's visible text is compared in its place. */
  private static Boolean firstFragmentCheck(String type, JsonNode check, String visible) {
    String value = check.path("value").asString("");
    return switch (type) {
      case "fragment_equals" -> exactMatch(value, visible, check.path("compare").asString("strip"))
          || value.strip().equals(visible.strip());
      case "fragment_contains" -> visible.contains(value);
      case "fragment_not_contains" -> !visible.contains(value);
      default -> {
        int flags = 0;
        for (JsonNode flag : check.path("java_flags")) {
          flags |= switch (flag.asString()) {
            case "MULTILINE" -> Pattern.MULTILINE;
            case "DOTALL" -> Pattern.DOTALL;
            case "CASE_INSENSITIVE" -> Pattern.CASE_INSENSITIVE;
            default -> 0;
          };
        }
        String subject = check.path("trim").asBoolean(false) ? visible.strip() : visible;
        yield Pattern.compile(check.path("regex").asString(), flags).matcher(subject).find();
      }
    };
  }
}
