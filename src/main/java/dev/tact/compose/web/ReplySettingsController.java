package dev.tact.compose.web;

import dev.tact.compose.ComposeProperties;
import dev.tact.compose.Preferences;
import dev.tact.compose.Signatures;
import dev.tact.conversation.Actor;
import dev.tact.conversation.Actors;
import dev.tact.intake.Mailbox;
import dev.tact.intake.Mailboxes;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your replies" (the agent's own undo window; their signature is their profile's) and, for admins, each mailbox's
 * reply signature. Bad input: the page says why and nothing changes.
 */
@UiController
class ReplySettingsController {

  private final Preferences preferences;
  private final Signatures signatures;
  private final Mailboxes mailboxes;
  private final ComposeProperties properties;
  private final Actors actors;

  ReplySettingsController(Preferences preferences, Signatures signatures, Mailboxes mailboxes,
      ComposeProperties properties, Actors actors) {
    this.preferences = preferences;
    this.signatures = signatures;
    this.mailboxes = mailboxes;
    this.properties = properties;
    this.actors = actors;
  }

  @GetMapping("/account/replies")
  String mine(Authentication auth, Model model) {
    Actor me = actors.of(auth);
    model.addAttribute("chosen", preferences.chosenUndoWindow(me.id()).map(Duration::toSeconds).orElse(null));
    model.addAttribute("defaultSeconds", properties.undoWindow().toSeconds());
    model.addAttribute("maxSeconds", ComposeProperties.MAX_UNDO_WINDOW.toSeconds());
    model.addAttribute("signature", signatures.ofAgent(me.id()).orElse(null));
    return "compose/settings";
  }

  @PostMapping("/account/replies")
  String saveMine(@RequestParam(defaultValue = "") String undoSeconds, Authentication auth,
      RedirectAttributes redirect) {
    try {
      Integer seconds = undoSeconds.isBlank() ? null : parse(undoSeconds);
      preferences.chooseUndoWindow(actors.of(auth).id(), seconds);
      redirect.addFlashAttribute("notice", seconds == null ? "Your replies are held for the default window."
          : "Your replies are held for " + seconds + " s before they are sent.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/account/replies";
  }

  @GetMapping("/admin/reply-signatures")
  String mailboxSignatures(Model model) {
    Map<Mailbox, String> byMailbox = new LinkedHashMap<>();
    for (Mailbox mailbox : mailboxes.list()) {
      byMailbox.put(mailbox, signatures.ofMailbox(mailbox.id()).orElse(""));
    }
    model.addAttribute("signatures", byMailbox);
    return "compose/mailbox-signatures";
  }

  @PostMapping("/admin/reply-signatures/{mailboxId}")
  String saveMailboxSignature(@PathVariable UUID mailboxId, @RequestParam(defaultValue = "") String signature,
      RedirectAttributes redirect) {
    try {
      Mailbox mailbox = mailboxes.require(mailboxId);
      signatures.saveForMailbox(mailboxId, signature);
      redirect.addFlashAttribute("notice", "Signature of " + mailbox.address() + " saved.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/admin/reply-signatures";
  }

  private static int parse(String seconds) {
    try {
      return Integer.parseInt(seconds.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("invalid-undo-window", "The undo window is a number of seconds, 0 to "
          + ComposeProperties.MAX_UNDO_WINDOW.toSeconds() + ".");
    }
  }
}
