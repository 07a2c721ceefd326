package dev.tact.tone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds phrases in a draft that may read as hostile, sarcastic, dismissive, condescending or blaming, each with a
 * suggestion, using the lexicon of {@code lexicon.tsv} and a rule for shouting. Plain Java and thread-safe: other
 * modules call {@link #check(String)} (the compose module before sending, the reply box as the agent types).
 */
@Component
public class ToneCheck {

  /**
   * Summed weight from which a draft is flagged: 0.6, chosen on the tuning half of the corpus (between 0.4 and 1,
   * it keeps precision near 0.5 while recall triples from 1) and confirmed on the check half (ADR 0035).
   */
  public static final double FLAG_AT = 0.6;
  /** Longer texts are checked only up to here (a reply, not a book); findings stay within it. */
  public static final int MAX_CHARS = 20_000;

  private static final Pattern SHOUTED_WORDS = Pattern.compile("\\b\\p{Lu}{3,}(?:[\\s,]+\\p{Lu}{2,}){1,}\\b");
  private static final Pattern SHOUTED_WORD = Pattern.compile(
      "\\b(?:WHAT|WHY|HOW|NOT|NEVER|ALWAYS|YOUR|YOU|ONE|ALL|NO|ANY|MUST|DON'T|STOP|READ|EVER|NOW)\\b");
  private static final Pattern PILED_PUNCTUATION = Pattern.compile("[?!]*(?:\\?!|!\\?|!!|\\?\\?)[?!]*");

  private final List<ToneRule> rules;

  public ToneCheck() {
    this(ToneLexicon.standard());
  }

  ToneCheck(List<ToneRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public ToneReport check(String text) {
    if (text == null || text.isBlank()) {
      return new ToneReport(false, 0, List.of());
    }
    String checked = straightQuotes(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
    String lower = lowerCase(checked);
    List<ToneFinding> candidates = new ArrayList<>();
    for (ToneRule rule : rules) {
      Matcher m = rule.pattern().matcher(lower);
      while (m.find()) {
        if (m.end() > m.start()) {
          candidates.add(finding(text, m.start(), m.end(), rule.kind(), rule.suggestion(), rule.weight()));
        }
      }
    }
    shouting(text, checked, candidates);
    List<ToneFinding> kept = withoutOverlaps(candidates);
    double score = kept.stream().mapToDouble(ToneFinding::weight).sum();
    return new ToneReport(score >= FLAG_AT, Math.round(score * 100) / 100.0, kept);
  }

  private static void shouting(String text, String checked, List<ToneFinding> candidates) {
    Matcher words = SHOUTED_WORDS.matcher(checked);
    while (words.find()) {
      candidates.add(finding(text, words.start(), words.end(), ToneKind.SHOUTING,
          "Write in normal case; capitals read as shouting.", 0.7));
    }
    Matcher word = SHOUTED_WORD.matcher(checked);
    while (word.find()) {
      candidates.add(finding(text, word.start(), word.end(), ToneKind.SHOUTING,
          "Write in normal case; a word in capitals reads as raised voice.", 0.5));
    }
    Matcher marks = PILED_PUNCTUATION.matcher(checked);
    while (marks.find()) {
      candidates.add(finding(text, marks.start(), marks.end(), ToneKind.SHOUTING,
          "One question mark or full stop is enough.", 0.5));
    }
  }

  /** The strongest findings first, then earliest; a finding overlapping one already kept is dropped. */
  private static List<ToneFinding> withoutOverlaps(List<ToneFinding> candidates) {
    candidates.sort(Comparator.comparingDouble(ToneFinding::weight).reversed()
        .thenComparingInt(ToneFinding::start).thenComparing(f -> -(f.end() - f.start())));
    List<ToneFinding> kept = new ArrayList<>();
    for (ToneFinding f : candidates) {
      if (kept.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) {
        kept.add(f);
      }
    }
    kept.sort(Comparator.comparingInt(ToneFinding::start));
    return kept;
  }

  private static ToneFinding finding(String text, int start, int end, ToneKind kind, String suggestion,
      double weight) {
    return new ToneFinding(start, end, kind, text.substring(start, end), suggestion, weight);
  }

  /**
   * Lower case one character for one (never {@link String#toLowerCase}, which may change the length), so that the
   * lexicon's lower-case patterns need no case-insensitive matching (several times faster) and indexes still fit.
   */
  static String lowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** Curly quotes become straight ones, one character for one, so that indexes still point into the original. */
  static String straightQuotes(String text) {
    return text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
  }
}
