package dev.tact.survey;

import java.util.List;

/**
 * The survey's one question: good / not good (2 points) or 1 to 5. A poor answer is "not good", or 1 or 2 of 5; a
 * good one is "good", or 4 or 5 of 5; 3 of 5 is neither. The satisfaction share is good answers over all answers.
 */
public final class SurveyScale {

  public static final List<Integer> ALLOWED = List.of(2, 5);

  private SurveyScale() {}

  public static boolean poor(int score, int scale) {
    return scale == 2 ? score == 1 : score <= 2;
  }

  public static boolean good(int score, int scale) {
    return scale == 2 ? score == 2 : score >= 4;
  }

  /** The words a score is shown with, on the public page and the conversation page. */
  public static String label(int score, int scale) {
    if (scale == 2) {
      return score == 2 ? "Good" : "Not good";
    }
    return switch (score) {
      case 1 -> "1 of 5: very poor";
      case 2 -> "2 of 5: poor";
      case 3 -> "3 of 5: all right";
      case 4 -> "4 of 5: good";
      default -> "5 of 5: very good";
    };
  }

  /** The choices offered, best last, as (score, label). */
  public static List<Choice> choices(int scale) {
    return java.util.stream.IntStream.rangeClosed(1, scale).mapToObj(s -> new Choice(s, label(s, scale))).toList();
  }

  public record Choice(int score, String label) {}
}
