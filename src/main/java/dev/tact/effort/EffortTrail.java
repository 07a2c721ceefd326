package dev.tact.effort;

import dev.tact.shared.Channel;
import dev.tact.sla.BusinessCalendar;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A conversation's steps in the order they happened, whatever order their events arrived in, and what they add up
 * to. Hand-offs: a team other than the one it had, an agent other than the one it had (its first team and first
 * agent are placements, not hand-offs), and every move up a tier. Channel switches: a customer message on another
 * channel than their message before. Waiting: from a customer message to the next reply that reached them, on the
 * given business calendar; a wait no reply has ended yet is not counted (it is open work, not yet felt effort).
 */
record EffortTrail(List<EffortStep> steps) {

  private static final Comparator<EffortStep> ORDER = Comparator.comparing(EffortStep::at)
      .thenComparing(s -> s.kind().ordinal()).thenComparing(EffortStep::key);

  EffortTrail {
    steps = steps.stream().sorted(ORDER).toList();
  }

  Optional<Instant> openedAt() {
    return steps.stream().filter(s -> s.kind() == EffortStep.Kind.OPENED).map(EffortStep::at).findFirst()
        .or(() -> steps.stream().map(EffortStep::at).findFirst());
  }

  Optional<UUID> contactId() {
    return steps.stream().map(EffortStep::contactId).filter(Objects::nonNull).findFirst();
  }

  Optional<Channel> openingChannel() {
    return steps.stream().filter(s -> s.kind() == EffortStep.Kind.OPENED).map(EffortStep::channel)
        .filter(Objects::nonNull).findFirst()
        .or(() -> of(EffortStep.Kind.CUSTOMER).stream().map(EffortStep::channel).filter(Objects::nonNull).findFirst());
  }

  Optional<String> intent() {
    return of(EffortStep.Kind.INTENT).stream().map(EffortStep::detail).filter(Objects::nonNull)
        .reduce((first, later) -> later);
  }

  Optional<UUID> lastTeam() {
    return of(EffortStep.Kind.TEAM).stream().map(EffortStep::refId).reduce((first, later) -> later);
  }

  Optional<UUID> lastAgent() {
    return of(EffortStep.Kind.AGENT).stream().map(EffortStep::refId).reduce((first, later) -> later);
  }

  int customerMessages() {
    return of(EffortStep.Kind.CUSTOMER).size();
  }

  int reopens() {
    return of(EffortStep.Kind.REOPEN).size();
  }

  int handoffs() {
    return changesAfterTheFirst(EffortStep.Kind.TEAM) + changesAfterTheFirst(EffortStep.Kind.AGENT)
        + of(EffortStep.Kind.TIER).size();
  }

  int channelSwitches() {
    int switches = 0;
    Channel before = null;
    for (EffortStep step : of(EffortStep.Kind.CUSTOMER)) {
      if (before != null && step.channel() != null && step.channel() != before) {
        switches++;
      }
      before = step.channel() == null ? before : step.channel();
    }
    return switches;
  }

  long waitedBusinessMinutes(BusinessCalendar calendar) {
    long minutes = 0;
    Instant waitingSince = null;
    for (EffortStep step : steps) {
      if (step.kind() == EffortStep.Kind.CUSTOMER && waitingSince == null) {
        waitingSince = step.at();
      } else if (step.kind() == EffortStep.Kind.REPLY && waitingSince != null) {
        minutes += calendar.businessTimeBetween(waitingSince, step.at()).toMinutes();
        waitingSince = null;
      }
    }
    return minutes;
  }

  EffortScore score(boolean repeatContact, BusinessCalendar calendar) {
    return new EffortScore(customerMessages(), handoffs(), reopens(), channelSwitches(), repeatContact,
        waitedBusinessMinutes(calendar));
  }

  private int changesAfterTheFirst(EffortStep.Kind kind) {
    int changes = 0;
    UUID holder = null;
    for (EffortStep step : of(kind)) {
      if (step.refId() == null) {
        continue;
      }
      if (holder != null && !holder.equals(step.refId())) {
        changes++;
      }
      holder = step.refId();
    }
    return changes;
  }

  private List<EffortStep> of(EffortStep.Kind kind) {
    return steps.stream().filter(s -> s.kind() == kind).toList();
  }
}
