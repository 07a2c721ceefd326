package dev.tact.conversation.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tact.conversation.Actors;
import dev.tact.conversation.BulkActions;
import dev.tact.conversation.BulkChange;
import dev.tact.conversation.BulkOutcome;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationListFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationReportCounts;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Message;
import dev.tact.conversation.Priority;
import dev.tact.conversation.Status;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations")
class ConversationsApiController {

  record TextRequest(String text) {}

  record AssignmentRequest(UUID assigneeId, UUID teamId) {}

  record StatusRequest(String status) {}

  record PriorityRequest(String priority) {}

  record TagsRequest(List<String> tags) {}

  record EscalationRequest(String tier, String reason) {}

  record MergeRequest(String into) {}

  /** One change to many conversations: action assign, status, add-tags, remove-tags or merge. */
  record BulkRequest(List<String> conversations, String action, UUID assigneeId, UUID teamId, String status,
      List<String> tags, String into) {}

  /**
   * A conversation in a list: every field of the conversation, plus how many linked reports (noise control:
   * copies of its first message from several senders, split-out ones not counted) it has, 0 when none were recorded.
   */
  record ConversationListItem(@JsonUnwrapped ConversationSummary conversation, int reportCount) {}

  /** The filter parameter sla answers (breached, due-soon), as in the inbox. */
  private static final String SLA = "sla";

  private final ConversationManagement conversations;
  private final StaffPrincipals principals;
  private final Actors actors;
  private final Optional<ConversationListFilter> slaFilter;
  private final ConversationReportCounts reportCounts;
  private final BulkActions bulk;

  ConversationsApiController(ConversationManagement conversations, StaffPrincipals principals, Actors actors,
      List<ConversationListFilter> filters, ObjectProvider<ConversationReportCounts> reportCounts,
      BulkActions bulk) {
    this.bulk = bulk;
    this.conversations = conversations;
    this.principals = principals;
    this.actors = actors;
    this.slaFilter = filters.stream().filter(filter -> SLA.equals(filter.parameter())).findFirst();
    // Noise control answers the counts; without it (a module test of conversation alone) there are none.
    this.reportCounts = reportCounts.getIfAvailable(() -> ids -> Map.of());
  }

  @Operation(summary = "List conversations", description = "Newest activity first. Filters combine with AND. "
      + "Every status, closed included, unless status is given (status=new,open,pending...); the agent UI's inbox "
      + "hides closed conversations unless asked, the API does not. "
      + "reportCount: how many linked reports (copies from several senders) a conversation collected. "
      + "sla: breached or due-soon (as the SLA queue counts them; at-risk means due-soon); anything else is a 400.")
  @GetMapping
  PageResult<ConversationListItem> list(@RequestParam(required = false) List<String> status,
      @RequestParam(required = false) UUID team, @RequestParam(required = false) UUID assignee,
      @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String tag, @RequestParam(required = false) UUID contact,
      @RequestParam(required = false) String sla, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      Authentication authentication) {
    Optional<ConversationListFilter.Selection> slaSelection = slaFilter.flatMap(filter -> filter.select(sla));
    Set<Status> statuses = status == null ? Set.of()
        : status.stream().flatMap(s -> List.of(s.split(",")).stream()).filter(s -> !s.isBlank())
            .map(Status::parse).collect(Collectors.toSet());
    UUID assigneeId = assignee;
    if (mine) {
      assigneeId = principals.agent(authentication)
          .orElseThrow(() -> ProblemException.invalid("mine-needs-agent", "'mine' needs an agent's login, not an API token."))
          .id();
    }
    PageResult<ConversationSummary> found = conversations.list(
        new ConversationFilter(statuses, team, assigneeId, unassigned, tag, contact,
            slaSelection.map(ConversationListFilter.Selection::conversationIds).orElse(null)),
        new PageRequest(page, size));
    Map<UUID, Integer> reports = reportCounts.of(found.items().stream().map(ConversationSummary::id).toList());
    return new PageResult<>(found.items().stream()
        .map(c -> new ConversationListItem(c, reports.getOrDefault(c.id(), 0))).toList(),
        found.page(), found.size(), found.total());
  }

  @Operation(summary = "A conversation with its messages and history", description = "By id or by number. The "
      + "ETag is the conversation's version: send it back as If-Match on a change (assignment, status, priority, "
      + "tags, notes, escalation) to have it refused with 412 and what changed since when someone changed it "
      + "meanwhile. links: "
      + "conversations linked to it; kind mentions (its first mail named the other's [#number] from a sender who "
      + "takes no part there, so it opened this one instead of joining) or mentioned-by (the other way round).")
  @GetMapping("/{reference}")
  org.springframework.http.ResponseEntity<ConversationDetails> get(@PathVariable String reference) {
    UUID id = resolve(reference);
    // the version before the details: a change in between makes the ETag older, never newer, than what is shown
    String etag = "\"" + conversations.version(id) + "\"";
    return org.springframework.http.ResponseEntity.ok().eTag(etag).body(conversations.requireDetails(id));
  }

  @Operation(summary = "Add an internal note", description = "Seen by agents only")
  @PostMapping("/{reference}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  Message note(@PathVariable String reference, @RequestBody TextRequest request, Authentication authentication) {
    return conversations.addNote(resolve(reference), actors.of(authentication), request.text());
  }

  @Operation(summary = "Assign to an agent and/or a team", description = "assigneeId null unassigns")
  @PutMapping("/{reference}/assignment")
  ConversationSummary assign(@PathVariable String reference, @RequestBody AssignmentRequest request,
      Authentication authentication) {
    return conversations.assign(resolve(reference), actors.of(authentication), request.assigneeId(),
        request.teamId());
  }

  @PutMapping("/{reference}/status")
  ConversationSummary status(@PathVariable String reference, @RequestBody StatusRequest request,
      Authentication authentication) {
    return conversations.changeStatus(resolve(reference), actors.of(authentication), Status.parse(request.status()));
  }

  @Operation(summary = "Escalate to a higher tier with the reason",
      description = "tier specialist or lead; the reason goes into the history so nobody asks the customer again; an "
          + "available agent of that tier in the conversation's team takes it.")
  @PostMapping("/{reference}/escalation")
  ConversationSummary escalate(@PathVariable String reference, @RequestBody EscalationRequest request,
      Authentication authentication) {
    Tier tier = request == null ? null : Tier.parse(request.tier());
    return conversations.escalate(resolve(reference), actors.of(authentication), tier,
        request == null ? null : request.reason());
  }

  @PutMapping("/{reference}/priority")
  ConversationSummary priority(@PathVariable String reference, @RequestBody PriorityRequest request,
      Authentication authentication) {
    return conversations.changePriority(resolve(reference), actors.of(authentication),
        Priority.parse(request.priority()));
  }

  @Operation(summary = "Add tags", description = "tags: a list; each is 1 to 64 letters, digits, spaces, '-', '_', "
      + "':' or '.', kept in lower case with single spaces (\"needs follow up\" is one tag).")
  @PostMapping("/{reference}/tags")
  ConversationSummary tag(@PathVariable String reference, @RequestBody TagsRequest request,
      Authentication authentication) {
    return conversations.addTags(resolve(reference), actors.of(authentication), request.tags());
  }

  @DeleteMapping("/{reference}/tags/{tag}")
  ConversationSummary untag(@PathVariable String reference, @PathVariable String tag, Authentication authentication) {
    return conversations.removeTag(resolve(reference), actors.of(authentication), tag);
  }

  @Operation(summary = "Merge this conversation into another", description = "into: the target's number or id. "
      + "The messages move to the target; history, tags and links are copied there; this one is closed and "
      + "marked merged (GET on it still answers, with a MERGED_INTO entry last); later customer replies to it go "
      + "to the target. Answers the target. 422 merge-into-itself or missing-target, 404 for an unknown target, "
      + "409 already-merged or target-closed; nothing changes then.")
  @PostMapping("/{reference}/merge")
  ConversationSummary merge(@PathVariable String reference, @RequestBody MergeRequest request,
      Authentication authentication) {
    if (request == null || request.into() == null || request.into().isBlank()) {
      throw ProblemException.invalid("missing-target", "Give 'into': the conversation to merge into.");
    }
    return conversations.merge(resolve(reference), resolve(request.into()), actors.of(authentication));
  }

  @Operation(summary = "Change many conversations at once", description = "conversations: numbers or ids (at most "
      + "200). action: assign (assigneeId, null unassigns; teamId optional), status, add-tags, remove-tags (tags), "
      + "merge (into: the target; the others selected merge into it). Each conversation is changed as a single "
      + "change is; changed lists the numbers done, failed each refused with its problem code and detail. A request "
      + "wrong as a whole (no selection, unknown action, no target) is a 422 and changes nothing.")
  @PostMapping("/bulk")
  BulkOutcome bulk(@RequestBody BulkRequest request, Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("nothing-selected", "Select at least one conversation.");
    }
    BulkChange change = switch (request.action() == null ? "" : request.action()) {
      case "assign" -> new BulkChange.Assign(request.assigneeId(), request.teamId());
      case "status" -> new BulkChange.SetStatus(Status.parse(request.status()));
      case "add-tags" -> new BulkChange.AddTags(dev.tact.conversation.Tags.normalise(request.tags()));
      case "remove-tags" -> new BulkChange.RemoveTags(dev.tact.conversation.Tags.normalise(request.tags()));
      case "merge" -> new BulkChange.MergeInto(request.into() == null || request.into().isBlank() ? null
          : resolve(request.into()));
      default -> null;
    };
    return bulk.apply(request.conversations(), change, actors.of(authentication));
  }

  private UUID resolve(String reference) {
    return conversations.requireByReference(reference).id();
  }
}
