package dev.tact.tone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the tone rules from {@code lexicon.tsv} beside this class (kind, weight, pattern, suggestion). */
final class ToneLexicon {

  static final String RESOURCE = "lexicon.tsv";

  private ToneLexicon() {
  }

  static List<ToneRule> standard() {
    try (InputStream in = ToneLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("tone lexicon " + RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Patterns are matched on lower-cased text: one with a capital letter outside an escape could never match. */
  private static String lowerCase(String pattern, int line) {
    String withoutEscapes = pattern.replaceAll("\\\\.", "");
    if (!withoutEscapes.equals(withoutEscapes.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("tone lexicon line " + line + ": write the pattern in lower case");
    }
    return pattern;
  }

  static List<ToneRule> parse(List<String> lines) {
    List<ToneRule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 4) {
        throw new IllegalArgumentException("tone lexicon line " + (i + 1) + ": 4 tab-separated cells expected");
      }
      rules.add(new ToneRule(ToneKind.valueOf(cells[0].strip().toUpperCase(Locale.ROOT)),
          Double.parseDouble(cells[1].strip()),
          Pattern.compile(lowerCase(cells[2], i + 1), Pattern.MULTILINE),
          cells[3].strip()));
    }
    return List.copyOf(rules);
  }
}
