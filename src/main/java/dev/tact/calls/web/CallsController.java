package dev.tact.calls.web;

import dev.tact.calls.CallDirection;
import dev.tact.calls.CallOutcome;
import dev.tact.calls.CallRequest;
import dev.tact.calls.Calls;
import dev.tact.calls.LoggedCall;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logging a call: find the contact by any identity (or type a new number), say how the call went, and log it. An
 * outbound call is asked of the contact policy first: the form comes back with the answer, and only then logs;
 * a refused call can be logged only as not placed.
 */
@UiController
class CallsController {

  /**
   * The form, as posted and shown again. {@code ask} set: ask the policy again, even with a decision in hand.
   */
  record CallForm(String q, UUID contact, String number, String direction, String outcome, Integer minutes,
      Integer seconds, String notes, String conversation, String subject, String purpose, UUID decision, String ask) {

    CallForm withContact(UUID id, String phone) {
      return new CallForm(q, id, phone, direction, outcome, minutes, seconds, notes, conversation, subject, purpose,
          decision, null);
    }

    CallForm withDecision(UUID id) {
      return new CallForm(q, contact, number, direction, outcome, minutes, seconds, notes, conversation, subject,
          purpose, id, null);
    }

    public boolean outbound() {
      return "OUTBOUND".equalsIgnoreCase(direction == null ? "" : direction.strip());
    }

    CallRequest request() {
      int duration = (minutes == null ? 0 : minutes) * 60 + (seconds == null ? 0 : seconds);
      if ((minutes != null && minutes < 0) || (seconds != null && (seconds < 0 || seconds > 59))) {
        throw ProblemException.invalid("invalid-duration", "Give the duration as minutes and seconds (0 to 59).");
      }
      return new CallRequest(contact, blankToNull(number), direction == null || direction.isBlank() ? null
          : CallDirection.parse(direction), outcome == null || outcome.isBlank() ? null : CallOutcome.parse(outcome),
          duration, notes, blankToNull(conversation), blankToNull(subject), CallsController.purpose(purpose), decision);
    }
  }

  private final Calls calls;
  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final ContactPolicyService policy;
  private final Actors actors;
  private final StaffPrincipals principals;

  CallsController(Calls calls, ContactManagement contacts, ConversationManagement conversations,
      ContactPolicyService policy, Actors actors, StaffPrincipals principals) {
    this.calls = calls;
    this.contacts = contacts;
    this.conversations = conversations;
    this.policy = policy;
    this.actors = actors;
    this.principals = principals;
  }

  @GetMapping("/calls")
  String list(Model model) {
    model.addAttribute("calls", calls.recent(50));
    return "calls/list";
  }

  /**
   * The form. {@code conversation} (from a conversation's page) continues that conversation with its contact;
   * {@code contact} (from a contact's page, or picked from the search) chooses the contact; {@code q} searches.
   */
  @GetMapping("/calls/new")
  String form(@ModelAttribute("form") CallForm form, Model model) {
    CallForm shown = form;
    if (form.contact() == null && form.conversation() != null && !form.conversation().isBlank()) {
      ConversationSummary c = conversations.requireByReference(form.conversation());
      shown = new CallForm(form.q(), c.contactId(), form.number(), form.direction(), form.outcome(), form.minutes(),
          form.seconds(), form.notes(), String.valueOf(c.number()), form.subject(), form.purpose(), null, null);
    }
    return page(shown, model, null, null);
  }

  @PostMapping("/calls")
  String log(@ModelAttribute("form") CallForm form, Authentication auth, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      CallRequest request = form.request();
      if (form.outbound() && needsAsking(form)) {
        AuditedDecision decided = calls.ask(request, principals.who(auth));
        Contact callee = contacts.require(decided.request().contactId());
        CallForm asked = form.withContact(callee.id(), form.number() == null || form.number().isBlank()
            ? firstPhone(callee) : form.number()).withDecision(decided.id());
        return page(asked, model, decided, null);
      }
      LoggedCall call = calls.log(request, actors.of(auth));
      redirect.addFlashAttribute("notice", "Call logged.");
      return call.filed() ? "redirect:/conversations/" + call.conversationNumber() : "redirect:/calls/" + call.id();
    } catch (ProblemException e) {
      response.setStatus(e.status() == 404 ? 404 : 422);
      AuditedDecision decided = form.decision() == null ? null : policy.find(form.decision()).orElse(null);
      return page(form, model, decided, e.getMessage());
    }
  }

  @GetMapping("/calls/{id}")
  String show(@PathVariable UUID id, Model model) {
    LoggedCall call = calls.require(id);
    model.addAttribute("call", call);
    model.addAttribute("contact", call.contactId() == null ? null : contacts.find(call.contactId()).orElse(null));
    return "calls/call";
  }

  /** An outbound call needs the policy's answer for this contact, asked again when the agent wants it. */
  private boolean needsAsking(CallForm form) {
    if (form.decision() == null || form.ask() != null && !form.ask().isBlank()) {
      return true;
    }
    Optional<AuditedDecision> decided = policy.find(form.decision());
    return decided.isEmpty() || decided.get().request().channel() != Channel.PHONE
        || form.contact() != null && !decided.get().request().contactId().equals(form.contact());
  }

  private String page(CallForm form, Model model, AuditedDecision decided, String problem) {
    Contact contact = form.contact() == null ? null : contacts.find(form.contact()).orElse(null);
    CallForm shown = form;
    if (contact != null && (form.number() == null || form.number().isBlank())) {
      shown = form.withContact(contact.id(), firstPhone(contact));
    }
    model.addAttribute("form", shown);
    model.addAttribute("contact", contact);
    model.addAttribute("phones", contact == null ? List.of() : contact.identities().stream()
        .filter(i -> i.kind() == IdentityKind.PHONE).toList());
    model.addAttribute("found", form.q() == null || form.q().isBlank() ? List.of() : calls.findContacts(form.q()));
    model.addAttribute("searched", form.q() != null && !form.q().isBlank());
    model.addAttribute("open", contact == null ? List.of() : calls.openConversations(contact.id()));
    model.addAttribute("outcomes", Arrays.asList(CallOutcome.values()));
    model.addAttribute("purposes", Arrays.asList(Purpose.values()));
    model.addAttribute("decided", decided);
    model.addAttribute("refused", decided != null && decided.decision().outcome() != Decision.Outcome.ALLOW);
    if (problem != null) {
      model.addAttribute("problem", problem);
    }
    return "calls/new";
  }

  private static String firstPhone(Contact contact) {
    return contact.identities().stream().filter(i -> i.kind() == IdentityKind.PHONE).map(i -> i.value()).findFirst()
        .orElse(null);
  }

  private static Purpose purpose(String value) {
    if (value == null || value.isBlank()) {
      return Purpose.TRANSACTIONAL;
    }
    try {
      return Purpose.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-purpose", "Choose the purpose: support or sales.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
