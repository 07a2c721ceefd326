package dev.tact.policy.rules;

import dev.tact.policy.ContactAttempt;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * At most N sales calls and texts on one subject per period (default 3 per 24 h), "from any number", as Florida,
 * Oklahoma and Maryland count them (R8–R10); the stricter of the settings and the jurisdiction's preset holds.
 * Over the cap: DEFER to the instant it frees, as {@link FrequencyCapRule} does.
 */
final class SubjectCallCapRule implements Rule {

  @Override
  public String name() {
    return "calls per subject";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    if (request.purpose() != Purpose.MARKETING || !isVoice(request.channel())) {
      return abstain("counts sales calls and texts only");
    }
    int max = context.settings().callsPerSubjectCap().active() ? context.settings().callsPerSubjectCap().max() : 0;
    Duration per = context.settings().callsPerSubjectCap().per();
    String source = "the settings";
    for (CallingWindowPreset preset : CallingWindowPreset.values()) {
      int legal = preset.callsPerSubjectPerDay();
      if (legal > 0 && context.settings().presetEnabled(preset.row())
          && preset.coversAny(facts.regions()) && (max == 0 || legal <= max)) {
        max = legal;
        per = Duration.ofHours(24);
        source = preset.row() + " " + preset.title();
      }
    }
    if (max == 0) {
      return abstain("no cap on calls per subject");
    }
    List<Instant> calls = facts.history().stream()
        .filter(a -> a.purpose() == Purpose.MARKETING && isVoice(a.channel()) && a.at() != null
            && sameSubject(a.subject(), request.subject()))
        .map(ContactAttempt::at)
        .toList();
    String limit = max + " sales calls or texts on one subject per " + Caps.period(per) + " (" + source + ")";
    Optional<Instant> frees = Caps.freesAt(calls, request.proposedAt(), per, max);
    if (frees.isPresent()) {
      return defer(frees.get(), "over the cap of " + limit + "; the cap frees at " + context.describe(frees.get()));
    }
    return allow("within the cap of " + limit);
  }

  private static boolean isVoice(Channel channel) {
    return channel == Channel.PHONE || channel == Channel.SMS;
  }

  private static boolean sameSubject(String a, String b) {
    return a == null || b == null ? Objects.equals(a, b) : a.strip().equalsIgnoreCase(b.strip());
  }
}
