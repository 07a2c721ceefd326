package dev.tact.replytemplates.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Status;
import dev.tact.replytemplates.Editor;
import dev.tact.replytemplates.FilledReply;
import dev.tact.replytemplates.MergeFields;
import dev.tact.replytemplates.ReplyTemplate;
import dev.tact.replytemplates.ReplyTemplates;
import dev.tact.replytemplates.TemplateRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffDirectory;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates page (every agent: their own, and the shared ones leads and admins manage) and the reply box's
 * two calls: the filled text with its preview, and applying a macro's actions.
 */
@UiController
class ReplyTemplatesController {

  /** The form of the templates page; tags comma-separated. */
  record Form(UUID id, String name, String body, boolean shared, String setStatus, String addTags, String setTeamId) {

    static Form empty() {
      return new Form(null, "", "", false, "", "", "");
    }

    static Form of(ReplyTemplate t) {
      return new Form(t.id(), t.name(), t.body(), t.shared(), t.setStatus() == null ? "" : t.setStatus().id(),
          String.join(", ", t.addTags()), t.setTeamId() == null ? "" : t.setTeamId().toString());
    }

    TemplateRequest request() {
      UUID team;
      try {
        team = setTeamId == null || setTeamId.isBlank() ? null : UUID.fromString(setTeamId.strip());
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("unknown-team", "Choose a team from the list.");
      }
      List<String> tags = addTags == null ? List.of()
          : Arrays.stream(addTags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      return new TemplateRequest(name, body, shared, setStatus, tags, team);
    }
  }

  private final ReplyTemplates templates;
  private final ConversationManagement conversations;
  private final StaffDirectory staff;
  private final Editors editors;
  private final Actors actors;

  ReplyTemplatesController(ReplyTemplates templates, ConversationManagement conversations, StaffDirectory staff,
      Editors editors, Actors actors) {
    this.templates = templates;
    this.conversations = conversations;
    this.staff = staff;
    this.editors = editors;
    this.actors = actors;
  }

  @GetMapping("/reply-templates")
  String list(@RequestParam(required = false) UUID edit, Authentication auth, Model model) {
    Editor editor = editors.of(auth);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", edit == null ? Form.empty() : Form.of(templates.require(edit, editor)));
    }
    model.addAttribute("templates", templates.visibleTo(editor));
    model.addAttribute("editor", editor);
    model.addAttribute("statuses", Status.values());
    model.addAttribute("teams", staff.teams());
    model.addAttribute("fields", MergeFields.KNOWN);
    return "replytemplates/list";
  }

  @PostMapping("/reply-templates")
  String save(Form form, Authentication auth, RedirectAttributes redirect) {
    try {
      Editor editor = editors.of(auth);
      ReplyTemplate saved = form.id() == null ? templates.create(form.request(), editor)
          : templates.update(form.id(), form.request(), editor);
      redirect.addFlashAttribute("notice", "Template '" + saved.name() + "' saved.");
      return "redirect:/reply-templates";
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addFlashAttribute("form", form);
      return "redirect:/reply-templates";
    }
  }

  @PostMapping("/reply-templates/{id}/delete")
  String delete(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    try {
      templates.delete(id, editors.of(auth));
      redirect.addFlashAttribute("notice", "Template deleted.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/reply-templates";
  }

  /** The reply box asks this when the agent chooses a template (JSON; a problem answers Problem Details). */
  @GetMapping("/conversations/{number}/reply-templates/{id}/preview")
  @ResponseBody
  FilledReply preview(@PathVariable long number, @PathVariable UUID id, Authentication auth) {
    return templates.fill(id, conversation(number).id(), editors.of(auth));
  }

  /** "Apply its actions" in the reply box: the form's text is kept as the draft. */
  @PostMapping("/conversations/{number}/reply-templates/apply")
  String apply(@PathVariable long number, @RequestParam(required = false) UUID template,
      @RequestParam(defaultValue = "") String text, Authentication auth, RedirectAttributes redirect) {
    redirect.addFlashAttribute("replyDraft", text);
    try {
      if (template == null) {
        throw ProblemException.invalid("no-template", "Choose a macro first.");
      }
      ReplyTemplate t = templates.require(template, editors.of(auth));
      templates.applyActions(t.id(), conversation(number).id(), actors.of(auth), editors.of(auth));
      redirect.addFlashAttribute("notice", t.macro() ? "Macro '" + t.name() + "' applied." : "'" + t.name()
          + "' has no actions: nothing changed.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/conversations/" + number + "#reply-form";
  }

  private ConversationSummary conversation(long number) {
    return conversations.requireByReference(Long.toString(number));
  }
}
