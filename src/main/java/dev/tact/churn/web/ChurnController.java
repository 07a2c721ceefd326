package dev.tact.churn.web;

import dev.tact.churn.AtRiskContact;
import dev.tact.churn.ChurnFilter;
import dev.tact.churn.PoorExperience;
import dev.tact.churn.SilentChurn;
import dev.tact.compose.Outreach;
import dev.tact.compose.Replies;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actors;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.Channel;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Silent churn for leads and admins: the contacts at risk with their reason and filters, and, per contact, reaching
 * out by email or text through {@link Outreach}: the contact policy (support purpose) is asked and its answer shown
 * before anything is sent.
 */
@UiController
class ChurnController {

  /** The contact policy's answer as the page shows it: allow, defer or deny, in words. */
  record PolicyShown(String via, String outcome, String summary, UUID decisionId) implements java.io.Serializable {}

  /** A way to write to the contact: an email address or a phone number. */
  record Way(String value, String label) {}

  private final SilentChurn churn;
  private final ContactManagement contacts;
  private final Outreach outreach;
  private final Actors actors;

  ChurnController(SilentChurn churn, ContactManagement contacts, Outreach outreach, Actors actors) {
    this.churn = churn;
    this.contacts = contacts;
    this.outreach = outreach;
    this.actors = actors;
  }

  @GetMapping("/churn")
  String list(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String channel,
      @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "newest") String order,
      @RequestParam(defaultValue = "0") int page, Model model, Authentication auth) {
    ChurnRequests.requireLead(auth);
    ChurnFilter filter = ChurnRequests.filter(reason, team, null, channel, null);
    model.addAttribute("found", churn.atRisk(filter, ChurnRequests.order(order), new PageRequest(page, 50)));
    model.addAttribute("reasons", PoorExperience.values());
    model.addAttribute("channels", Channel.values());
    model.addAttribute("reason", reason);
    model.addAttribute("channel", channel);
    model.addAttribute("team", team);
    model.addAttribute("order", order);
    return "churn/list";
  }

  @GetMapping("/churn/{contactId}")
  String contact(@PathVariable UUID contactId, Model model, Authentication auth) {
    ChurnRequests.requireLead(auth);
    Contact contact = contacts.require(contactId);
    AtRiskContact found = churn.of(contactId).orElse(null);
    model.addAttribute("contact", contact);
    model.addAttribute("found", found);
    model.addAttribute("ways", ways(contact));
    if (model.getAttribute("subject") == null) {
      model.addAttribute("subject", "How are things going?");
      model.addAttribute("text", opening(contact, found));
      model.addAttribute("via", "");
    }
    return "churn/contact";
  }

  @PostMapping("/churn/{contactId}/reach-out")
  String reachOut(@PathVariable UUID contactId, @RequestParam(defaultValue = "") String via,
      @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "check") String action, Authentication auth, RedirectAttributes redirect) {
    ChurnRequests.requireLead(auth);
    String back = "redirect:/churn/" + contactId;
    redirect.addFlashAttribute("via", via.strip());
    redirect.addFlashAttribute("subject", subject);
    redirect.addFlashAttribute("text", text);
    ReplyVia chosen = new ReplyVia(null, via);
    try {
      Replies.Checked checked = outreach.check(contactId, chosen, actors.of(auth));
      redirect.addFlashAttribute("policy", shown(via.strip(), checked));
      if (!"send".equals(action)) {
        return back;
      }
      Outreach.Started started = outreach.start(contactId, chosen, subject, text, actors.of(auth));
      long number = started.conversation().conversation().number();
      redirect.addFlashAttribute("notice", "Conversation #" + number + " started: sent by "
          + started.route().channel().id() + " to " + started.route().recipient() + ". The contact policy allowed "
          + "it: " + checked.decision().decision().summary());
      return "redirect:/conversations/" + number;
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return back;
    }
  }

  private static PolicyShown shown(String via, Replies.Checked checked) {
    if (checked.decision() == null) {
      return new PolicyShown(via, "deny", checked.route().whyNot(), null);
    }
    return new PolicyShown(via, checked.decision().decision().outcome().name().toLowerCase(Locale.ROOT),
        checked.decision().decision().summary(), checked.decision().id());
  }

  private static List<Way> ways(Contact contact) {
    return contact.identities().stream()
        .filter(i -> i.kind() == IdentityKind.EMAIL || i.kind() == IdentityKind.PHONE)
        .map(i -> new Way(i.value(), (i.kind() == IdentityKind.EMAIL ? "email " : "text ") + i.value())).toList();
  }

  private static String opening(Contact contact, AtRiskContact found) {
    String greeting = contact.givenName() == null || contact.givenName().isBlank() ? "Hello,"
        : "Hello " + contact.givenName() + ",";
    String about = found == null || found.reason() == null ? "" : " We noticed your last request did not go as "
        + "well as it should have, and we are sorry about that.";
    return greeting + "\n\nWe have not heard from you in a while and wanted to check in." + about
        + " Is there anything we can help with?\n";
  }
}
