package dev.tact.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One SLA clock as stored: business time {@code consumedNanos} used before {@code runningSince} (null while
 * paused or stopped). Outcome RUNNING or PAUSED while active; MET, BREACHED or ENDED (stopped without the awaited
 * reply before any breach, e.g. solved without answer) once stopped.
 */
record ClockRow(UUID conversationId, SlaMetric metric, int cycle, UUID teamId, Instant startedAt,
    Instant runningSince, long consumedNanos, Integer targetMinutes, int warnAtPercent, Instant dueAt,
    Instant warnAt, Instant warnedAt, Instant breachedAt, Instant stoppedAt, String outcome, String endedBy) {

  static final String RUNNING = "RUNNING";
  static final String PAUSED = "PAUSED";
  static final String MET = "MET";
  static final String BREACHED = "BREACHED";
  static final String ENDED = "ENDED";

  boolean active() {
    return RUNNING.equals(outcome) || PAUSED.equals(outcome);
  }

  Duration target() {
    return targetMinutes == null ? null : Duration.ofMinutes(targetMinutes);
  }

  /** Business time used up to {@code now} on the calendar. */
  Duration used(BusinessCalendar calendar, Instant now) {
    Duration used = Duration.ofNanos(consumedNanos);
    if (runningSince != null && now.isAfter(runningSince)) {
      used = used.plus(calendar.businessTimeBetween(runningSince, now));
    }
    return used;
  }

  /** The same clock with the time used so far folded into {@code consumedNanos}, running on from {@code now}. */
  ClockRow folded(BusinessCalendar calendar, Instant now) {
    return new ClockRow(conversationId, metric, cycle, teamId, startedAt, runningSince == null ? null : now,
        used(calendar, now).toNanos(), targetMinutes, warnAtPercent, dueAt, warnAt, warnedAt, breachedAt, stoppedAt,
        outcome, endedBy);
  }

  ClockRow with(UUID team, Integer target, int warnPercent) {
    return new ClockRow(conversationId, metric, cycle, team, startedAt, runningSince, consumedNanos, target,
        warnPercent, dueAt, warnAt, warnedAt, breachedAt, stoppedAt, outcome, endedBy);
  }

  ClockRow running(Instant since, String state) {
    return new ClockRow(conversationId, metric, cycle, teamId, startedAt, since, consumedNanos, targetMinutes,
        warnAtPercent, dueAt, warnAt, warnedAt, breachedAt, null, state, null);
  }

  ClockRow planned(Instant due, Instant warn) {
    return new ClockRow(conversationId, metric, cycle, teamId, startedAt, runningSince, consumedNanos, targetMinutes,
        warnAtPercent, due, warn, warnedAt, breachedAt, stoppedAt, outcome, endedBy);
  }

  ClockRow stopped(Instant at, String finalOutcome, String by) {
    return new ClockRow(conversationId, metric, cycle, teamId, startedAt, null, consumedNanos, targetMinutes,
        warnAtPercent, null, null, warnedAt, breachedAt, at, finalOutcome, by);
  }

  ClockRow warned(Instant at) {
    return new ClockRow(conversationId, metric, cycle, teamId, startedAt, runningSince, consumedNanos, targetMinutes,
        warnAtPercent, dueAt, warnAt, at, breachedAt, stoppedAt, outcome, endedBy);
  }

  ClockRow breached(Instant at) {
    return new ClockRow(conversationId, metric, cycle, teamId, startedAt, runningSince, consumedNanos, targetMinutes,
        warnAtPercent, dueAt, warnAt, warnedAt, at, stoppedAt, outcome, endedBy);
  }

  /** The timer key of this clock, the same for its warning and its breach timer. */
  String timerKey() {
    return conversationId + "/" + metric + "/" + cycle;
  }
}
