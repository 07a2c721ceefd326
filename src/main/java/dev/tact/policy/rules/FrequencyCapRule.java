package dev.tact.policy.rules;

import dev.tact.policy.ContactAttempt;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.PolicySettings.Cap;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * At most N marketing contacts per period (default 1 per 7 days) per contact, counted over every channel, agent,
 * team and campaign from the contact-history ledger, attempts made outside Tact included. Over the cap the contact
 * is DEFERRED to the instant the cap frees, the earliest permitted moment (SPEC): the engine then asks every other
 * rule at that instant, and so on until all agree. A deferred contact that is logged counts from its permitted
 * instant, so the next one asking is deferred past it.
 */
final class FrequencyCapRule implements Rule {

  @Override
  public String name() {
    return "frequency";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    Cap cap = context.settings().marketingCap();
    if (request.purpose() != Purpose.MARKETING || !cap.active()) {
      return abstain("no cap on transactional contact");
    }
    List<Instant> attempts = facts.history().stream()
        .filter(a -> a.purpose() == Purpose.MARKETING && a.at() != null)
        .map(ContactAttempt::at)
        .toList();
    Optional<Instant> frees = Caps.freesAt(attempts, request.proposedAt(), cap.per(), cap.max());
    String limit = cap.max() + " marketing contact" + (cap.max() == 1 ? "" : "s") + " per " + Caps.period(cap.per());
    if (frees.isPresent()) {
      return defer(frees.get(), "over the cap of " + limit + " (" + Caps.count(attempts, request.proposedAt(),
          cap.per()) + " within " + Caps.period(cap.per()) + "); the cap frees at " + context.describe(frees.get()));
    }
    return allow("within the cap of " + limit);
  }
}
