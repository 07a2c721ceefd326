package dev.tact.conversation.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.BulkActions;
import dev.tact.conversation.BulkChange;
import dev.tact.conversation.BulkOutcome;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Status;
import dev.tact.conversation.Tags;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox's bulk action bar: one change to every conversation ticked, then back to the same inbox page. */
@UiController
class BulkController {

  private final BulkActions bulk;
  private final ConversationManagement conversations;
  private final Actors actors;

  BulkController(BulkActions bulk, ConversationManagement conversations, Actors actors) {
    this.bulk = bulk;
    this.conversations = conversations;
    this.actors = actors;
  }

  @PostMapping("/bulk")
  String apply(@RequestParam(name = "selected", required = false) List<String> selected,
      @RequestParam(defaultValue = "") String action, @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String team, @RequestParam(required = false) String status,
      @RequestParam(required = false) String tags, @RequestParam(required = false) String into,
      @RequestParam(defaultValue = "/") String back, Authentication authentication, RedirectAttributes redirect) {
    String backTo = back.startsWith("/") && !back.startsWith("//") ? back : "/";
    try {
      BulkOutcome outcome = bulk.apply(selected, change(action, assignee, team, status, tags, into),
          actors.of(authentication));
      redirect.addFlashAttribute(outcome.failed().isEmpty() ? "notice" : "problem", outcome.summary());
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:" + backTo;
  }

  private BulkChange change(String action, String assignee, String team, String status, String tags, String into) {
    return switch (action) {
      case "assign" -> new BulkChange.Assign(uuid(assignee, "assignee"), uuid(team, "team"));
      case "status" -> new BulkChange.SetStatus(Status.parse(status));
      case "add-tags" -> new BulkChange.AddTags(Tags.fromText(tags));
      case "remove-tags" -> new BulkChange.RemoveTags(Tags.fromText(tags));
      case "merge" -> new BulkChange.MergeInto(into == null || into.isBlank() ? null
          : conversations.findByReference(into).orElseThrow(() -> ProblemException.invalid("unknown-target",
              "There is no conversation " + into + " to merge into.")).id());
      default -> null;
    };
  }

  static UUID uuid(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-" + what, "'" + value + "' is not a valid " + what + ".");
    }
  }
}
