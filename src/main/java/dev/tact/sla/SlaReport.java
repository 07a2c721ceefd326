package dev.tact.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A team's service targets over the local dates {@code from..to} (in the team's zone), by the clocks started in
 * that range: per metric how many had a target, met it, breached it or are still running; {@code percentAchieved}
 * is met / (met + breached), null when none was decided. First-response business minutes are over every first
 * response given (with a target or not).
 */
public record SlaReport(UUID teamId, String zone, LocalDate from, LocalDate to, List<MetricLine> metrics,
    FirstResponseTimes firstResponse) {

  public record MetricLine(SlaMetric metric, int withTarget, int met, int breached, int running, Double percentAchieved) {}

  public record FirstResponseTimes(int answered, Double medianMinutes, Double p90Minutes) {}
}
