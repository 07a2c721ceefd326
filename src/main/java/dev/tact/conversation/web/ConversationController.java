package dev.tact.conversation.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.mail.AttachmentResponses;
import dev.tact.shared.web.ContentSecurityPolicies;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Priority;
import dev.tact.conversation.Status;
import dev.tact.conversation.Tags;
import dev.tact.shared.ProblemException;
import dev.tact.mail.MailArchive;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import dev.tact.staff.Team;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One conversation: its messages, what agents can do with it, its history, and the customer beside it. */
@UiController
@RequestMapping("/conversations/{number}")
class ConversationController {

  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final StaffDirectory staff;
  private final Actors actors;
  private final MailViews mailViews;
  private final MailArchive mailArchive;
  private final List<ConversationPageContributor> contributors;

  ConversationController(ConversationManagement conversations, ContactManagement contacts, StaffDirectory staff,
      Actors actors, MailViews mailViews, MailArchive mailArchive, List<ConversationPageContributor> contributors) {
    this.conversations = conversations;
    this.contacts = contacts;
    this.staff = staff;
    this.actors = actors;
    this.mailViews = mailViews;
    this.mailArchive = mailArchive;
    this.contributors = contributors;
  }

  @GetMapping
  String show(@PathVariable long number, @RequestParam(required = false) UUID remoteImages, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    UUID id = summary(number).id();
    var mergedInto = conversations.mergedInto(id);
    if (mergedInto.isPresent()) {
      redirect.addFlashAttribute("notice", "#" + number + " was merged into #" + mergedInto.get().number()
          + ": its messages and history are here.");
      return "redirect:/conversations/" + mergedInto.get().number();
    }
    ConversationDetails details = conversations.requireDetails(id);
    ConversationSummary c = details.conversation();
    var contact = c.contactId() == null ? null : contacts.find(c.contactId()).orElse(null);
    List<ConversationSummary> previous = contact == null ? List.of()
        : conversations.ofContact(contact.id()).stream().filter(other -> openedBefore(other, c)).toList();
    List<Team> teams = staff.teams();
    model.addAttribute("c", c);
    model.addAttribute("messages", details.messages());
    model.addAttribute("links", details.links());
    model.addAttribute("mergedFrom", conversations.mergedFrom(c.id()));
    model.addAttribute("mails", mailViews.of(c.number(), details.messages(), remoteImages));
    model.addAttribute("uploads", mailViews.uploads(details.messages()));
    model.addAttribute("remoteImages", remoteImages);
    if (remoteImages != null) {
      response.setHeader("Content-Security-Policy", ContentSecurityPolicies.ui(true));
    }
    model.addAttribute("history", details.history().reversed());
    model.addAttribute("contact", contact);
    model.addAttribute("previous", previous);
    model.addAttribute("agents", staff.agents().stream().filter(a -> a.active()).toList());
    model.addAttribute("teams", teams);
    model.addAttribute("teamName", teams.stream().filter(t -> t.id().equals(c.teamId())).map(Team::name)
        .findFirst().orElse(null));
    model.addAttribute("assigneeName", c.assigneeId() == null ? null
        : staff.agent(c.assigneeId()).map(a -> a.displayName()).orElse(null));
    model.addAttribute("statuses", Status.values());
    model.addAttribute("priorities", Priority.values());
    contributors.forEach(contributor -> contributor.contribute(details, model.asMap()));
    return "conversation/conversation";
  }

  /** An email attachment, as a download only (see {@link AttachmentResponses}). */
  @GetMapping("/messages/{messageId}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable long number, @PathVariable UUID messageId,
      @PathVariable UUID attachmentId) {
    UUID conversationId = summary(number).id();
    boolean inConversation = conversations.requireDetails(conversationId).messages().stream()
        .anyMatch(m -> m.id().equals(messageId));
    return mailArchive.attachment(messageId, attachmentId).filter(a -> inConversation).map(AttachmentResponses::of)
        .orElseThrow(() -> ProblemException.notFound("attachment", attachmentId));
  }

  @PostMapping("/note")
  String note(@PathVariable long number, @RequestParam(defaultValue = "") String text, Authentication auth,
      RedirectAttributes redirect) {
    return act(number, redirect, "Note added.",
        id -> conversations.addNote(id, actors.of(auth), text));
  }

  /** Merges this conversation into the one named (a number, "#1042" too); the target's page shows the outcome. */
  @PostMapping("/merge")
  String merge(@PathVariable long number, @RequestParam(defaultValue = "") String into, Authentication auth,
      RedirectAttributes redirect) {
    UUID id = summary(number).id();
    var target = conversations.findByReference(into);
    if (target.isEmpty()) {
      redirect.addFlashAttribute("problem", into.isBlank() ? "Give the number of the conversation to merge into."
          : "There is no conversation " + into.strip() + " to merge into.");
      return "redirect:/conversations/" + number;
    }
    try {
      conversations.merge(id, target.get().id(), actors.of(auth));
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/conversations/" + number;
    }
    redirect.addFlashAttribute("notice", "#" + number + " merged into #" + target.get().number() + ".");
    return "redirect:/conversations/" + target.get().number();
  }

  @PostMapping("/assign")
  String assign(@PathVariable long number, @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String team, Authentication auth, RedirectAttributes redirect) {
    return act(number, redirect, "Assignment saved.",
        id -> conversations.assign(id, actors.of(auth), uuid(assignee, "assignee"), uuid(team, "team")));
  }

  @PostMapping("/status")
  String status(@PathVariable long number, @RequestParam(defaultValue = "") String status, Authentication auth,
      RedirectAttributes redirect) {
    return act(number, redirect, "Status saved.",
        id -> conversations.changeStatus(id, actors.of(auth), Status.parse(status)));
  }

  @PostMapping("/escalate")
  String escalate(@PathVariable long number, @RequestParam(defaultValue = "") String tier,
      @RequestParam(defaultValue = "") String reason, Authentication auth, RedirectAttributes redirect) {
    return act(number, redirect, "Escalated.",
        id -> conversations.escalate(id, actors.of(auth), Tier.parse(tier), reason));
  }

  @PostMapping("/priority")
  String priority(@PathVariable long number, @RequestParam(defaultValue = "") String priority, Authentication auth,
      RedirectAttributes redirect) {
    return act(number, redirect, "Priority saved.",
        id -> conversations.changePriority(id, actors.of(auth), Priority.parse(priority)));
  }

  /** Adds the tags typed, separated by commas ("needs follow up" is one tag), and says which were added. */
  @PostMapping("/tags")
  String addTags(@PathVariable long number, @RequestParam(defaultValue = "") String tags, Authentication auth,
      RedirectAttributes redirect) {
    return act(number, redirect, null, id -> {
      Set<String> given = Tags.fromText(tags);
      List<String> before = conversations.requireDetails(id).conversation().tags();
      conversations.addTags(id, actors.of(auth), given);
      redirect.addFlashAttribute("notice", TagNotices.added(given, before));
    });
  }

  @PostMapping("/tags/remove")
  String removeTag(@PathVariable long number, @RequestParam(defaultValue = "") String tag, Authentication auth,
      RedirectAttributes redirect) {
    return act(number, redirect, null, id -> {
      String normalised = Tags.normalise(tag);
      boolean had = conversations.requireDetails(id).conversation().tags().contains(normalised);
      conversations.removeTag(id, actors.of(auth), normalised);
      redirect.addFlashAttribute("notice", TagNotices.removed(normalised, had));
    });
  }

  private String act(long number, RedirectAttributes redirect, String notice, java.util.function.Consumer<UUID> action) {
    UUID id = summary(number).id();
    return Flash.run(redirect, "/conversations/" + number, notice, () -> action.accept(id));
  }

  private ConversationSummary summary(long number) {
    return conversations.findByReference(Long.toString(number))
        .orElseThrow(() -> new ProblemException(404, "conversation-not-found", "Conversation not found",
            "There is no conversation #" + number + "."));
  }

  /** Opened before this one (the same instant: the lower number, which came first). */
  static boolean openedBefore(ConversationSummary other, ConversationSummary c) {
    int order = other.createdAt().compareTo(c.createdAt());
    return order < 0 || (order == 0 && other.number() < c.number());
  }

  private static UUID uuid(String value, String what) {
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
