package dev.tact.routing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the front door routes a new conversation.
 *
 * @param enabled whether new conversations are classified and routed at all
 * @param triageBelow a prediction less sure than this goes to triage (tag {@code triage}) instead of a team
 * @param assignment how an agent of the team is chosen: {@code least-loaded}, {@code round-robin} or {@code none};
 *     the default for teams that have not chosen their own ({@link TeamAssignments})
 * @param escalateComplaints whether a conversation read as a complaint goes straight to the team's lead tier
 * @param teams the team (by name) each intent goes to (default presales, technical and billing to the teams of
 *     those names, outage to Technical); a conversation whose intent no team takes waits in triage with that reason.
 *     Admins' choices (IntentCatalogue) come first
 * @param escalateCustomerTiers customer tiers (contact tier, e.g. vip) whose new conversations go straight to the
 *     lead tier, as complaints do
 */
@ConfigurationProperties("tact.routing")
public record RoutingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.5") double triageBelow,
    @DefaultValue("least-loaded") String assignment, @DefaultValue("true") boolean escalateComplaints,
    Map<String, String> teams, @DefaultValue("vip") java.util.List<String> escalateCustomerTiers) {

  public RoutingProperties {
    assignment = assignment == null ? "least-loaded" : assignment.strip().toLowerCase(java.util.Locale.ROOT);
    if (!java.util.List.of("least-loaded", "round-robin", "none").contains(assignment)) {
      throw new IllegalArgumentException("tact.routing.assignment must be least-loaded, round-robin or none, not '"
          + assignment + "'");
    }
    teams = teams == null ? Map.of("presales", "Presales", "technical", "Technical", "outage", "Technical",
        "billing", "Billing") : Map.copyOf(teams);
    escalateCustomerTiers = escalateCustomerTiers == null ? java.util.List.of()
        : escalateCustomerTiers.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  AssignmentMode assignmentMode() {
    return AssignmentMode.parse(assignment);
  }
}
