package dev.tact.sla.web;

import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.sla.ConversationSla;
import dev.tact.sla.SlaClocks;
import dev.tact.sla.SlaNotification;
import dev.tact.sla.SlaNotifications;
import dev.tact.sla.SlaReport;
import dev.tact.sla.SlaReports;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Service targets as agents read them: a conversation's clocks, the queue of breached and due-soon, reports. */
@ApiController
@Tag(name = "Service targets")
class SlaApiController {

  private final SlaClocks clocks;
  private final SlaReports reports;
  private final SlaNotifications notifications;
  private final ConversationManagement conversations;
  private final StaffPrincipals principals;

  SlaApiController(SlaClocks clocks, SlaReports reports, SlaNotifications notifications,
      ConversationManagement conversations, StaffPrincipals principals) {
    this.clocks = clocks;
    this.reports = reports;
    this.notifications = notifications;
    this.conversations = conversations;
    this.principals = principals;
  }

  @Operation(summary = "A conversation's SLA policy and clocks",
      description = "Minutes are business minutes of the team's calendar; leftMinutes is negative once overdue.")
  @GetMapping("/api/v1/conversations/{reference}/sla")
  ConversationSla conversation(@PathVariable String reference) {
    ConversationSummary c = conversations.findByReference(reference)
        .orElseThrow(() -> ProblemException.notFound("conversation", reference));
    return clocks.state(c.id()).orElseThrow(() -> new ProblemException(404, "sla-not-tracked", "No SLA clocks",
        "Conversation #" + c.number() + " was opened before service targets were tracked."));
  }

  @Operation(summary = "Conversations whose target breached (state=breached) or falls due soon (state=due-soon)")
  @GetMapping("/api/v1/sla/queue")
  List<ConversationSummary> queue(@RequestParam(defaultValue = "breached") String state,
      @RequestParam(required = false) UUID team) {
    boolean breached = switch (state) {
      case "breached" -> true;
      case "due-soon" -> false;
      default -> throw ProblemException.invalid("invalid-state", "state is breached or due-soon, not '" + state + "'.");
    };
    return clocks.needingAttention(team, breached, 200).stream()
        .map(id -> conversations.findByReference(id.toString())).flatMap(java.util.Optional::stream).toList();
  }

  @Operation(summary = "A team's SLA report over local dates from..to (both included)")
  @GetMapping("/api/v1/sla/reports/teams/{teamId}")
  SlaReport report(@PathVariable UUID teamId, @RequestParam String from, @RequestParam String to) {
    return reports.report(teamId, SlaAdminApiController.date(from, "from"), SlaAdminApiController.date(to, "to"));
  }

  record UnreadCount(int unread) {}

  record MarkedRead(int marked) {}

  @Operation(summary = "The calling agent's SLA notifications, newest first (theirs and their teams' unassigned)")
  @GetMapping("/api/v1/sla/notifications")
  List<SlaNotification> notifications(Authentication authentication) {
    Agent agent = principals.agent(authentication).orElse(null);
    if (agent == null) {
      return List.of();
    }
    return notifications.forAgent(agent.id(), 100);
  }

  @Operation(summary = "How many of the calling agent's SLA notifications are unread",
      description = "An API token is no agent and has none.")
  @GetMapping("/api/v1/sla/notifications/unread-count")
  UnreadCount unreadCount(Authentication authentication) {
    return new UnreadCount(principals.agent(authentication)
        .map(agent -> notifications.unreadCount(agent.id())).orElse(0));
  }

  @Operation(summary = "Mark one of the calling agent's SLA notifications read",
      description = "404 for an unknown id and for a notification the agent does not see (another agent's). "
          + "A team's notification read by one member is read for the team.")
  @PostMapping("/api/v1/sla/notifications/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void markRead(@PathVariable UUID id, Authentication authentication) {
    Agent agent = principals.agent(authentication).orElseThrow(() -> ProblemException.notFound("sla-notification", id));
    notifications.markRead(id, agent.id());
  }

  @Operation(summary = "Mark every unread SLA notification of the calling agent read")
  @PostMapping("/api/v1/sla/notifications/read")
  MarkedRead markAllRead(Authentication authentication) {
    return new MarkedRead(principals.agent(authentication)
        .map(agent -> notifications.markAllRead(agent.id())).orElse(0));
  }
}
