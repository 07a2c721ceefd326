package dev.tact.compose.web;

import dev.tact.compose.Outreach;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.Actor;
import dev.tact.conversation.Actors;
import dev.tact.delivery.ChannelProviders;
import dev.tact.delivery.ReplyVia;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "New conversation" for a contact (issue 16, item 7): an email or a text to one of their identities, asked of the
 * contact policy first. The policy's answer is shown before anything is sent; a refusal leaves a readable message and
 * creates nothing; otherwise the conversation opens with the agent's message, queued in the outbox.
 */
@UiController
class NewConversationController {

  private static final String SUBJECT = "newSubject";

  private final ContactManagement contacts;
  private final ChannelProviders providers;
  private final Outreach outreach;
  private final Actors actors;

  NewConversationController(ContactManagement contacts, ChannelProviders providers, Outreach outreach,
      Actors actors) {
    this.contacts = contacts;
    this.providers = providers;
    this.outreach = outreach;
    this.actors = actors;
  }

  @GetMapping("/contacts/{id}/conversations/new")
  String form(@PathVariable UUID id, Model model) {
    Contact contact = contacts.find(id).orElseThrow(() -> ProblemException.notFound("contact", id));
    model.addAttribute("contact", contact);
    model.addAttribute("options", ReplyOnConversationPage.options(contact, providers).stream()
        .filter(o -> !o.label().startsWith("social")).toList());
    model.addAttribute("draft", model.getAttribute(ReplyOnConversationPage.DRAFT) == null ? ""
        : model.getAttribute(ReplyOnConversationPage.DRAFT));
    model.addAttribute("subject", model.getAttribute(SUBJECT) == null ? "" : model.getAttribute(SUBJECT));
    model.addAttribute("via", model.getAttribute(ReplyOnConversationPage.VIA) == null ? ""
        : model.getAttribute(ReplyOnConversationPage.VIA));
    model.addAttribute("check", model.getAttribute(ReplyOnConversationPage.CHECK));
    return "compose/new-conversation";
  }

  @PostMapping("/contacts/{id}/conversations/new")
  String start(@PathVariable UUID id, @RequestParam(defaultValue = "") String via,
      @RequestParam(defaultValue = "") String checkedVia, @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "send") String action,
      Authentication auth, RedirectAttributes redirect) {
    String back = "redirect:/contacts/" + id + "/conversations/new";
    Actor actor = actors.of(auth);
    ReplyVia chosen = new ReplyVia(null, via);
    try {
      if ("check".equals(action) || !via.strip().equals(checkedVia.strip())) {
        redirect.addFlashAttribute(ReplyOnConversationPage.CHECK,
            PolicyAnswer.of(via.strip(), outreach.check(id, chosen, actor)));
        keep(redirect, via, subject, text);
        if (!"check".equals(action)) {
          redirect.addFlashAttribute("notice", "Nothing sent yet: read the contact policy's answer, then press Send "
              + "again.");
        }
        return back;
      }
      Outreach.Started started = outreach.start(id, chosen, subject, text, actor);
      long number = started.conversation().conversation().number();
      redirect.addFlashAttribute("notice", "Conversation #" + number + " started: sent by "
          + started.route().channel().id() + " to " + started.route().recipient() + ".");
      return "redirect:/conversations/" + number;
    } catch (ProblemException e) {
      keep(redirect, via, subject, text);
      redirect.addFlashAttribute("problem", e.getMessage());
      return back;
    }
  }

  private static void keep(RedirectAttributes redirect, String via, String subject, String text) {
    redirect.addFlashAttribute(ReplyOnConversationPage.VIA, via.strip());
    redirect.addFlashAttribute(SUBJECT, subject);
    redirect.addFlashAttribute(ReplyOnConversationPage.DRAFT, text);
  }
}
