package dev.tact.intake;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an inbound item failed, for people: the reason in words, and the technical detail (the error as recorded,
 * with the Java class name) for admins who look further. The pipeline records "{@code SimpleName: message}";
 * messages of Tact's own errors are written for people, others are not, and are summed up instead.
 *
 * @param words what an admin reads first
 * @param detail the recorded error, null when it adds nothing to the words
 */
public record FailureReason(String words, String detail) {

  private static final Pattern RECORDED = Pattern.compile(
      "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*(?:Exception|Error)):\\s?(.*)", Pattern.DOTALL);

  /** Tact's errors whose message is a sentence for people. */
  private static final Set<String> WORDED = Set.of("UnreadableItemException", "ProblemException");

  /** The reason of an error as the pipeline recorded it after {@code attempts} attempts. */
  public static FailureReason of(String recorded, int attempts) {
    if (recorded == null || recorded.isBlank()) {
      return new FailureReason("No reason was recorded.", null);
    }
    Matcher m = RECORDED.matcher(recorded.strip());
    if (!m.matches()) {
      return new FailureReason(recorded.strip(), null);
    }
    String type = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
    String message = m.group(2).strip();
    if (WORDED.contains(type) && !message.isEmpty() && !message.equals("null")) {
      return new FailureReason(message, recorded.strip());
    }
    return new FailureReason("Tact could not process it: an unexpected error, "
        + (attempts <= 1 ? "on the first attempt" : "on each of " + attempts + " attempts")
        + ". The technical detail below says more; retry it once the cause is fixed.", recorded.strip());
  }
}
