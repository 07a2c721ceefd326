package dev.tact.conversation.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationListContributor;
import dev.tact.conversation.ConversationListFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Status;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox: conversations, newest activity first, filtered by GET parameters. What other modules know of the
 * conversations listed (SLA, reports, relay) they add as {@link ConversationListContributor}s; the SLA filter is
 * sla's {@link ConversationListFilter}.
 */
@UiController
class InboxController {

  static final int PAGE_SIZE = 25;

  /** What the inbox shows when no status is asked for: everything but closed conversations. */
  private static final Set<Status> NOT_CLOSED = java.util.EnumSet.complementOf(java.util.EnumSet.of(Status.CLOSED));

  /** One row of the inbox with the names the table shows. */
  record Row(ConversationSummary conversation, String contactName, String teamName, String assigneeName) {}

  /**
   * The filters as given, so the form can show them and links can keep them. Closed conversations are left out
   * unless {@code closed} is ticked or the status asked for is closed.
   */
  record Filters(String status, UUID team, UUID assignee, boolean mine, boolean unassigned, String tag, String sla,
      boolean closed) {

    public String link(int page) {
      UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
      if (status != null && !status.isBlank()) {
        uri.queryParam("status", status);
      }
      if (team != null) {
        uri.queryParam("team", team);
      }
      if (assignee != null) {
        uri.queryParam("assignee", assignee);
      }
      if (mine) {
        uri.queryParam("mine", true);
      }
      if (unassigned) {
        uri.queryParam("unassigned", true);
      }
      if (tag != null && !tag.isBlank()) {
        uri.queryParam("tag", tag);
      }
      if (sla != null && !sla.isBlank()) {
        uri.queryParam("sla", sla);
      }
      if (closed) {
        uri.queryParam("closed", true);
      }
      if (page > 0) {
        uri.queryParam("page", page);
      }
      return uri.encode().build().toUriString();
    }
  }

  /** The filter parameter another module answers (sla: breached, due-soon). */
  private static final String SLA = "sla";

  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final StaffDirectory staff;
  private final StaffPrincipals principals;
  private final List<ConversationListContributor> contributors;
  private final Map<String, ConversationListFilter> filters;

  InboxController(ConversationManagement conversations, ContactManagement contacts, StaffDirectory staff,
      StaffPrincipals principals, List<ConversationListContributor> contributors,
      List<ConversationListFilter> filters) {
    this.conversations = conversations;
    this.contacts = contacts;
    this.staff = staff;
    this.principals = principals;
    this.contributors = contributors;
    this.filters = filters.stream().collect(Collectors.toMap(ConversationListFilter::parameter, f -> f));
  }

  @GetMapping("/")
  String inbox(@RequestParam(required = false) String status, @RequestParam(required = false) UUID team,
      @RequestParam(required = false) UUID assignee, @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) String tag,
      @RequestParam(required = false) String sla, @RequestParam(defaultValue = "false") boolean closed,
      @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
    Optional<ConversationListFilter.Selection> slaSelection = Optional.ofNullable(filters.get(SLA))
        .flatMap(filter -> filter.select(sla));
    Set<Status> statuses = status == null || status.isBlank() ? (closed ? Set.of() : NOT_CLOSED)
        : Set.of(Status.parse(status));
    UUID assigneeId = assignee;
    if (mine) {
      assigneeId = principals.agent(authentication).map(Agent::id).orElse(null);
    }
    String tagFilter = tag == null || tag.isBlank() ? null
        : tag.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    PageResult<ConversationSummary> result = conversations.list(
        new ConversationFilter(statuses, team, assigneeId, unassigned, tagFilter, null,
            slaSelection.map(ConversationListFilter.Selection::conversationIds).orElse(null)),
        new PageRequest(Math.max(page, 0), PAGE_SIZE));

    List<Team> teams = staff.teams();
    Map<UUID, String> teamNames = teams.stream().collect(Collectors.toMap(Team::id, Team::name));
    Map<UUID, String> agentNames = staff.agentNames(result.items().stream().map(ConversationSummary::assigneeId)
        .filter(Objects::nonNull).collect(Collectors.toSet()));
    Map<UUID, Contact> contactsById = contacts.findAll(result.items().stream().map(ConversationSummary::contactId)
        .filter(Objects::nonNull).collect(Collectors.toSet()));
    List<Row> rows = result.items().stream().map(c -> new Row(c,
        c.contactId() == null ? "" : Optional.ofNullable(contactsById.get(c.contactId())).map(Contact::name)
            .orElse("(unknown)"),
        c.teamId() == null ? "" : teamNames.getOrDefault(c.teamId(), ""),
        c.assigneeId() == null ? "" : agentNames.getOrDefault(c.assigneeId(), ""))).toList();

    model.addAttribute("rows", rows);
    model.addAttribute("result", result);
    model.addAttribute("filters", new Filters(status, team, assignee, mine, unassigned, tag,
        slaSelection.map(ConversationListFilter.Selection::value).orElse(null), closed));
    model.addAttribute("statuses", Status.values());
    model.addAttribute("teams", teams);
    model.addAttribute("agents", staff.agents());
    contributors.forEach(contributor -> contributor.contribute(result.items(), authentication, model.asMap()));
    model.addAttribute("heading", mine ? "Mine" : unassigned ? "Unassigned" : "Inbox");
    return "conversation/inbox";
  }
}
