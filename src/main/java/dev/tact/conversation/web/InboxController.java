package dev.tact.conversation.web;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.ConversationListContributor;
import dev.tact.conversation.ConversationListFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSort;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.InboxQueries;
import dev.tact.conversation.InboxQuery;
import dev.tact.conversation.Priority;
import dev.tact.conversation.SavedView;
import dev.tact.conversation.SavedViews;
import dev.tact.conversation.Status;
import dev.tact.shared.Channel;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox: conversations, newest activity first unless sorted otherwise, filtered by GET parameters, with the
 * saved views beside them. What other modules know of the
 * conversations listed (SLA, reports, relay) they add as {@link ConversationListContributor}s; the SLA filter is
 * sla's {@link ConversationListFilter}.
 */
@UiController
class InboxController {

  static final int PAGE_SIZE = 25;

  /** One row of the inbox with the names the table shows. */
  record Row(ConversationSummary conversation, String contactName, String teamName, String assigneeName) {}

  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final StaffDirectory staff;
  private final List<ConversationListContributor> contributors;
  private final InboxQueries queries;
  private final SavedViews views;

  InboxController(ConversationManagement conversations, ContactManagement contacts, StaffDirectory staff,
      List<ConversationListContributor> contributors, InboxQueries queries, SavedViews views) {
    this.conversations = conversations;
    this.contacts = contacts;
    this.staff = staff;
    this.contributors = contributors;
    this.queries = queries;
    this.views = views;
  }

  /** Filters and sort come from the URL (see {@link InboxQuery}); {@code view} names the saved view shown. */
  @GetMapping("/")
  String inbox(@RequestParam Map<String, String> parameters, @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) UUID view, Authentication authentication, Model model) {
    InboxQuery asked = InboxQuery.of(parameters::get);
    Optional<ConversationListFilter.Selection> slaSelection = queries.slaSelection(asked);
    InboxQuery query = new InboxQuery(asked.status(), asked.team(), asked.assignee(), asked.mine(),
        asked.unassigned(), asked.tag(), slaSelection.map(ConversationListFilter.Selection::value).orElse(null),
        asked.closed(), asked.channel(), asked.priority(), asked.sort());
    ConversationSort sort = queries.sortOf(query);
    PageResult<ConversationSummary> result = conversations.list(queries.filterOf(asked, authentication, slaSelection), sort,
        new PageRequest(Math.max(page, 0), PAGE_SIZE));
    List<SavedView> savedViews = views.visibleTo(authentication);
    SavedView current = view == null ? null
        : savedViews.stream().filter(v -> v.id().equals(view)).findFirst().orElse(null);

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
    model.addAttribute("filters", query);
    model.addAttribute("sort", sort);
    model.addAttribute("sorts", ConversationSort.values());
    model.addAttribute("channels", Channel.values());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("views", savedViews);
    model.addAttribute("currentView", current);
    model.addAttribute("mayShareViews", StaffPrincipals.isLead(authentication));
    model.addAttribute("statuses", Status.values());
    model.addAttribute("teams", teams);
    model.addAttribute("agents", staff.agents());
    contributors.forEach(contributor -> contributor.contribute(result.items(), authentication, model.asMap()));
    model.addAttribute("heading", current != null ? current.name()
        : query.mine() ? "Mine" : query.unassigned() ? "Unassigned" : "Inbox");
    return "conversation/inbox";
  }
}
