package dev.tact.intake.web;

import dev.tact.intake.Mailbox;
import dev.tact.intake.MailboxRequest;
import dev.tact.intake.Mailboxes;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for the support mailboxes: list with polling state, add, edit, delete, poll now. */
@UiController
@RequestMapping("/admin/mailboxes")
class MailboxesController {

  /** The add/edit form as posted; the password field is never filled in by the server. */
  record MailboxForm(String name, String address, UUID teamId, Boolean imapEnabled, String imapHost, Integer imapPort,
      String imapSecurity, String imapUsername, String imapPassword, String imapFolder, String afterFetch,
      String moveToFolder, Integer pollIntervalSeconds) {

    static MailboxForm empty() {
      return new MailboxForm("", "", null, false, "", null, "IMAPS", "", null, "INBOX", "MARK_SEEN", "", 60);
    }

    static MailboxForm of(Mailbox m) {
      return new MailboxForm(m.name(), m.address(), m.teamId(), m.imapEnabled(), m.imapHost(), m.imapPort(),
          m.imapSecurity().name(), m.imapUsername(), null, m.imapFolder(), m.afterFetch().name(), m.moveToFolder(),
          m.pollIntervalSeconds());
    }

    MailboxRequest request() {
      return new MailboxRequest(name, address, teamId, Boolean.TRUE.equals(imapEnabled), imapHost, imapPort,
          imapSecurity, imapUsername, imapPassword, imapFolder, afterFetch, moveToFolder, pollIntervalSeconds);
    }

    MailboxForm withoutPassword() {
      return new MailboxForm(name, address, teamId, imapEnabled, imapHost, imapPort, imapSecurity, imapUsername, null,
          imapFolder, afterFetch, moveToFolder, pollIntervalSeconds);
    }
  }

  private final Mailboxes mailboxes;
  private final StaffDirectory staff;

  MailboxesController(Mailboxes mailboxes, StaffDirectory staff) {
    this.mailboxes = mailboxes;
    this.staff = staff;
  }

  /** The list; {@code edit} opens a mailbox in the form, {@code delete} asks before deleting one. */
  @GetMapping
  String list(@RequestParam(required = false) UUID edit, @RequestParam(required = false) UUID delete, Model model) {
    Mailbox editing = edit == null ? null : mailboxes.require(edit);
    model.addAttribute("deleting", delete == null ? null : mailboxes.require(delete));
    return page(model, editing, editing == null ? MailboxForm.empty() : MailboxForm.of(editing));
  }

  @PostMapping
  String create(@ModelAttribute MailboxForm form, Model model, RedirectAttributes redirect) {
    try {
      Mailbox created = mailboxes.create(form.request());
      redirect.addFlashAttribute("notice", "Mailbox " + created.address() + " added.");
      return "redirect:/admin/mailboxes";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      return page(model, null, form.withoutPassword());
    }
  }

  @PostMapping("/{id}")
  String update(@PathVariable UUID id, @ModelAttribute MailboxForm form, Model model, RedirectAttributes redirect) {
    try {
      Mailbox updated = mailboxes.update(id, form.request());
      redirect.addFlashAttribute("notice", "Mailbox " + updated.address() + " saved.");
      return "redirect:/admin/mailboxes";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      return page(model, mailboxes.require(id), form.withoutPassword());
    }
  }

  /** Reached from the confirmation shown by {@code GET /admin/mailboxes?delete=<id>}. */
  @PostMapping("/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/mailboxes", null, () -> {
      String address = mailboxes.require(id).address();
      mailboxes.delete(id);
      redirect.addFlashAttribute("notice", "Mailbox " + address + " deleted.");
    });
  }

  @PostMapping("/{id}/poll")
  String poll(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/mailboxes", null, () -> {
      int fetched = mailboxes.pollNow(id);
      redirect.addFlashAttribute("notice", "Fetched " + fetched + " new message" + (fetched == 1 ? "." : "s."));
    });
  }

  private String page(Model model, Mailbox editing, MailboxForm form) {
    model.addAttribute("mailboxes", mailboxes.list());
    List<Team> teams = staff.teams();
    model.addAttribute("teams", teams);
    model.addAttribute("teamNames", teams.stream().collect(Collectors.toMap(Team::id, Team::name)));
    model.addAttribute("editing", editing);
    model.addAttribute("form", form);
    model.addAttribute("securities", Mailbox.Security.values());
    model.addAttribute("afterFetches", Mailbox.AfterFetch.values());
    return "intake/mailboxes";
  }
}
