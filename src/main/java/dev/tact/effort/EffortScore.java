package dev.tact.effort;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The effort a conversation cost its customer, folded into one score from 0 (effortless) to 100. Each part adds
 * points for what the customer had to do beyond asking once, each capped so that no single part says everything;
 * the sum is capped at 100. Every part only adds, so more effort never lowers the score.
 *
 * @param customerMessages inbound messages the customer wrote themselves (automatic mail not counted)
 * @param handoffs moves to another team, to another agent after the first one, and up a tier
 * @param reopens times the customer (or anyone) opened it again after it was solved or closed
 * @param channelSwitches customer messages on another channel than their message before
 * @param repeatContact the same contact wrote about the same intent in the 7 days before
 * @param waitedBusinessMinutes business time between the customer's messages and the next reply that reached them
 */
public record EffortScore(int customerMessages, int handoffs, int reopens, int channelSwitches,
    boolean repeatContact, long waitedBusinessMinutes) {

  public static final int MAX = 100;
  static final int PER_EXTRA_MESSAGE = 5;
  static final int MESSAGES_CAP = 25;
  static final int PER_HANDOFF = 10;
  static final int HANDOFFS_CAP = 30;
  static final int PER_REOPEN = 15;
  static final int REOPENS_CAP = 30;
  static final int PER_CHANNEL_SWITCH = 8;
  static final int CHANNEL_SWITCHES_CAP = 16;
  static final int REPEAT_CONTACT = 15;
  static final int MINUTES_PER_WAIT_POINT = 20;
  static final int WAIT_CAP = 30;

  /** One part of the score: what it counts, how much, the points it added and a sentence saying so. */
  public record Part(String key, String label, long amount, int points, String words) {}

  public EffortScore {
    if (customerMessages < 0 || handoffs < 0 || reopens < 0 || channelSwitches < 0 || waitedBusinessMinutes < 0) {
      throw new IllegalArgumentException("effort counts are never negative");
    }
  }

  public List<Part> parts() {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("messages", "Messages from the customer", customerMessages,
        capped((long) Math.max(0, customerMessages - 1) * PER_EXTRA_MESSAGE, MESSAGES_CAP),
        count(customerMessages, "message", "messages") + " from the customer"
            + (customerMessages > 1 ? " (" + (customerMessages - 1) + " beyond the first)" : "")));
    parts.add(new Part("handoffs", "Hand-offs", handoffs, capped((long) handoffs * PER_HANDOFF, HANDOFFS_CAP),
        count(handoffs, "hand-off", "hand-offs") + " between teams, agents or tiers"));
    parts.add(new Part("reopens", "Reopens", reopens, capped((long) reopens * PER_REOPEN, REOPENS_CAP),
        "reopened " + count(reopens, "time", "times") + " after it was solved"));
    parts.add(new Part("channel-switches", "Channel switches", channelSwitches,
        capped((long) channelSwitches * PER_CHANNEL_SWITCH, CHANNEL_SWITCHES_CAP),
        count(channelSwitches, "switch", "switches") + " of channel by the customer"));
    parts.add(new Part("repeat-contact", "Repeat contact", repeatContact ? 1 : 0, repeatContact ? REPEAT_CONTACT : 0,
        repeatContact ? "wrote about the same topic within the 7 days before" : "no contact about the same topic "
            + "in the 7 days before"));
    parts.add(new Part("waited", "Business time waited", waitedBusinessMinutes,
        capped(waitedBusinessMinutes / MINUTES_PER_WAIT_POINT, WAIT_CAP),
        "waited " + duration(waitedBusinessMinutes) + " of business time for replies"));
    return parts;
  }

  public int score() {
    return Math.min(MAX, parts().stream().mapToInt(Part::points).sum());
  }

  /** The score in words: which parts added how much, largest first. */
  public String explanation() {
    List<Part> adding = parts().stream().filter(p -> p.points() > 0)
        .sorted((a, b) -> Integer.compare(b.points(), a.points())).toList();
    if (adding.isEmpty()) {
      return "Effort 0 of 100: the customer asked once and needed nothing more.";
    }
    int sum = adding.stream().mapToInt(Part::points).sum();
    return "Effort " + score() + " of 100: " + adding.stream().map(p -> p.words() + " (+" + p.points() + ")")
        .collect(Collectors.joining(", ")) + (sum > MAX ? "; capped at 100" : "") + ".";
  }

  private static int capped(long points, int cap) {
    return (int) Math.min(points, cap);
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  static String duration(long minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
