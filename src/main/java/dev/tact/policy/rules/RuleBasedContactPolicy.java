package dev.tact.policy.rules;

import dev.tact.policy.ContactPolicy;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Vote;
import dev.tact.policy.calendar.CandidateZones;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The contact policy as the votes of a {@link RuleBook}: any DENY denies; else any DEFER defers to the earliest
 * instant at or after the proposed one that every rule allows, found by asking every rule again at the latest
 * instant they asked for until none defers (bounded), so that a DEFER's instant is itself allowed when proposed;
 * else ALLOW. A rule that denies at the deferred instant (an implied consent expiring first, say) denies the whole.
 * Malformed input is denied with the reason, never thrown. Thread-safe.
 */
public final class RuleBasedContactPolicy implements ContactPolicy {

  private static final int MAX_ROUNDS = 48;
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

  private final RuleBook book;

  public RuleBasedContactPolicy(RuleBook book) {
    this.book = java.util.Objects.requireNonNull(book, "book");
  }

  @Override
  public Decision decide(DecisionRequest request, PolicyFacts facts) {
    String malformed = malformed(request, facts);
    if (malformed != null) {
      Vote vote = new Vote("request", Vote.Kind.DENY, null, malformed);
      return new Decision(Decision.Outcome.DENY, null, List.of(vote), "Denied: " + malformed);
    }
    PolicyContext context = new PolicyContext(book.settings(),
        CandidateZones.of(facts.zone(), facts.phoneZones(), facts.whereabouts()), book.holidays());
    List<Vote> first = voteAll(request, facts, context);
    if (has(first, Vote.Kind.DENY)) {
      return new Decision(Decision.Outcome.DENY, null, first, "Denied: " + reasons(first, Vote.Kind.DENY));
    }
    if (!has(first, Vote.Kind.DEFER)) {
      return new Decision(Decision.Outcome.ALLOW, null, first,
          "Allowed at " + context.describe(request.proposedAt()));
    }
    return deferred(request, facts, context, first);
  }

  /**
   * Asks every rule again at the latest instant any of them asked for, until none defers. The votes that moved the
   * time after the first round are shown too ("then, at …: …"), and the summary ends with the reason for the final
   * time: the first rule that moved it is rarely the one that chose it (a holiday moves a call to midnight, the
   * calling window to 09:00).
   */
  private Decision deferred(DecisionRequest request, PolicyFacts facts, PolicyContext context, List<Vote> first) {
    Instant limit = request.proposedAt().plus(book.settings().searchHorizon());
    Instant at = latest(first, request.proposedAt());
    List<Vote> shown = new ArrayList<>(first);
    StringBuilder then = new StringBuilder();
    for (int round = 0; round < MAX_ROUNDS && !at.isAfter(limit); round++) {
      List<Vote> votes = voteAll(withProposedAt(request, at), facts, context);
      if (has(votes, Vote.Kind.DENY)) {
        votes.stream().filter(v -> v.kind() == Vote.Kind.DENY).forEach(shown::add);
        return new Decision(Decision.Outcome.DENY, null, shown, "Denied: " + reasons(first, Vote.Kind.DEFER)
            + "; at the next time those permit, " + context.describe(at) + ": " + reasons(votes, Vote.Kind.DENY));
      }
      if (!has(votes, Vote.Kind.DEFER)) {
        return new Decision(Decision.Outcome.DEFER, at, shown,
            reasons(first, Vote.Kind.DEFER) + then + "; next permitted: " + context.describe(at));
      }
      Instant next = latest(votes, at);
      if (next.isAfter(at)) {
        Instant from = at;
        List<Vote> movers = votes.stream()
            .filter(v -> v.kind() == Vote.Kind.DEFER && v.notBefore().equals(next)).toList();
        movers.forEach(v -> shown.add(new Vote(v.rule(), v.kind(), v.notBefore(),
            "then, at " + context.describe(from) + ": " + v.reason())));
        then.append("; then ").append(reasons(movers, Vote.Kind.DEFER));
      }
      at = next.isAfter(at) ? next : at.plusSeconds(60); // a rule deferring to the past must not stall the search
    }
    String why = reasons(first, Vote.Kind.DEFER) + "; no time that every rule permits within "
        + dev.tact.shared.Wording.count(book.settings().searchHorizon().toDays(), "day", "days");
    return new Decision(Decision.Outcome.DENY, null, first, "Denied: " + why);
  }

  private List<Vote> voteAll(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    List<Vote> votes = new ArrayList<>(book.rules().size());
    for (Rule rule : book.rules()) {
      Vote vote;
      try {
        vote = rule.vote(request, facts, context);
      } catch (RuntimeException failure) {
        vote = new Vote(rule.name(), Vote.Kind.DENY, null, "the rule failed (" + failure + "); denied to be safe");
      }
      if (vote == null) {
        vote = new Vote(rule.name(), Vote.Kind.DENY, null, "the rule gave no vote; denied to be safe");
      } else if (vote.kind() == Vote.Kind.DEFER && vote.notBefore() == null) {
        vote = new Vote(vote.rule(), Vote.Kind.DENY, null, vote.reason() + " (deferred without an instant)");
      }
      votes.add(vote);
    }
    return votes;
  }

  private static String malformed(DecisionRequest request, PolicyFacts facts) {
    if (request == null || facts == null) {
      return "no request or no facts";
    }
    if (request.channel() == null || request.purpose() == null || request.proposedAt() == null) {
      return "the request lacks a channel, purpose or proposed instant";
    }
    if (request.proposedAt().isBefore(EARLIEST) || request.proposedAt().isAfter(LATEST)) {
      return "the proposed instant " + request.proposedAt() + " is outside the years 1900–9999";
    }
    return null;
  }

  private static DecisionRequest withProposedAt(DecisionRequest request, Instant at) {
    return new DecisionRequest(request.contactId(), request.channel(), request.purpose(), request.subject(), at);
  }

  private static boolean has(List<Vote> votes, Vote.Kind kind) {
    for (Vote vote : votes) {
      if (vote.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  private static Instant latest(List<Vote> votes, Instant floor) {
    Instant latest = floor;
    for (Vote vote : votes) {
      if (vote.kind() == Vote.Kind.DEFER && vote.notBefore().isAfter(latest)) {
        latest = vote.notBefore();
      }
    }
    return latest;
  }

  private static String reasons(List<Vote> votes, Vote.Kind kind) {
    StringBuilder text = new StringBuilder();
    for (Vote vote : votes) {
      if (vote.kind() == kind) {
        text.append(text.isEmpty() ? "" : "; ").append(vote.reason());
      }
    }
    return text.toString();
  }
}
