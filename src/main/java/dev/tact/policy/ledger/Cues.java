package dev.tact.policy.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every match of a pattern holds, for a cheap "cannot match" before the pattern is tried. Each alternative lists
 * groups joined by {@code &}, a group lists cues joined by {@code |}: a match holds every group of one alternative, a
 * group when it holds one of its cues ({@code "_call|_ring & don|never"}: a match holds " call" or " ring", and "don"
 * or "never"). A cue is letters, hyphens and straight quotes, with single spaces written {@code _}: nothing that
 * normalising a text turns into something else once it has straightened quotes and made runs of spaces one space.
 */
record Cues(List<List<List<String>>> alternatives) {

  private static final Pattern CUE = Pattern.compile(" ?[\\p{L}'-]+(?: [\\p{L}'-]+)* ?");

  Cues(String... alternatives) {
    this(Arrays.stream(alternatives).map(Cues::groups).toList());
  }

  private static List<List<String>> groups(String alternative) {
    return Arrays.stream(alternative.split("&")).map(group -> Arrays.stream(group.split("\\|")).map(String::strip)
        .map(Cues::cue).toList()).toList();
  }

  private static String cue(String written) {
    String cue = written.replace('_', ' ');
    if (!CUE.matcher(cue).matches()) {
      throw new IllegalArgumentException("a cue is letters, hyphens, quotes and single spaces: \"" + written + "\"");
    }
    return cue;
  }

  boolean holdSpace() {
    return alternatives.stream().flatMap(List::stream).flatMap(List::stream).anyMatch(cue -> cue.indexOf(' ') >= 0);
  }

  /** Whether the text holds every group of one alternative. */
  boolean in(String text) {
    for (List<List<String>> groups : alternatives) {
      if (holdsAll(text, groups)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holdsAll(String text, List<List<String>> groups) {
    for (List<String> group : groups) {
      if (group.stream().noneMatch(text::contains)) {
        return false;
      }
    }
    return true;
  }
}
