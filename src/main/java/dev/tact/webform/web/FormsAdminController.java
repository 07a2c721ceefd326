package dev.tact.webform.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.webform.FormField;
import dev.tact.webform.WebForm;
import dev.tact.webform.WebFormRequest;
import dev.tact.webform.WebForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Web forms: the forms customers write in through, each with its link and {@code <iframe>} snippet. Extra
 * fields are edited as lines ("Order number; required; 40"); the origins allowed to frame the form one per line.
 */
@UiController
@RequestMapping("/admin/forms")
class FormsAdminController {

  /** The edit form as posted. */
  record FormForm(String slug, String title, String intro, String fields, Long maxFileKilobytes, Integer maxFiles,
      String frameAncestors, java.util.UUID teamId, Boolean enabled) {

    static FormForm empty() {
      return new FormForm("", "", "", "", 10240L, 5, "", null, true);
    }

    static FormForm of(WebForm f) {
      StringBuilder lines = new StringBuilder();
      for (FormField field : f.fields()) {
        lines.append(field.label()).append(field.required() ? "; required" : "").append("; ")
            .append(field.maxLength()).append("; key=").append(field.key()).append('\n');
      }
      return new FormForm(f.slug(), f.title(), f.intro() == null ? "" : f.intro(), lines.toString(),
          f.maxFileBytes() / 1024, f.maxFiles(), String.join("\n", f.frameAncestors()), f.teamId(), f.enabled());
    }

    WebFormRequest request() {
      return new WebFormRequest(slug, title, intro, fields(fields), maxFileKilobytes == null ? null
          : maxFileKilobytes * 1024, maxFiles, frameAncestors == null ? List.of()
          : Arrays.asList(frameAncestors.strip().split("[\\s,]+")), teamId, Boolean.TRUE.equals(enabled));
    }

    /** "Label; required; 40; key=order_number", one field per line; all but the label optional. */
    static List<FormField> fields(String text) {
      List<FormField> fields = new ArrayList<>();
      if (text == null) {
        return fields;
      }
      for (String line : text.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split(";");
        String label = parts[0].strip();
        boolean required = false;
        int max = 0;
        String key = null;
        for (int i = 1; i < parts.length; i++) {
          String part = parts[i].strip().toLowerCase(Locale.ROOT);
          if (part.equals("required")) {
            required = true;
          } else if (part.startsWith("key=")) {
            key = part.substring(4).strip();
          } else if (part.matches("\\d{1,6}")) {
            max = Integer.parseInt(part);
          } else if (!part.isEmpty() && !part.equals("optional")) {
            throw ProblemException.invalid("invalid-field-line", "In '" + line.strip() + "': '" + parts[i].strip()
                + "' is not 'required', a maximum length or 'key=…'.");
          }
        }
        fields.add(new FormField(key, label, required, max));
      }
      return fields;
    }
  }

  private final WebForms forms;
  private final dev.tact.staff.StaffDirectory staff;

  FormsAdminController(WebForms forms, dev.tact.staff.StaffDirectory staff) {
    this.forms = forms;
    this.staff = staff;
  }

  @GetMapping
  String list(@RequestParam(required = false) String edit, @RequestParam(required = false) String delete,
      Model model) {
    WebForm editing = edit == null ? null : forms.require(edit);
    model.addAttribute("deleting", delete == null ? null : forms.require(delete));
    return page(model, editing, editing == null ? FormForm.empty() : FormForm.of(editing));
  }

  @PostMapping
  String create(@ModelAttribute FormForm form, Model model, RedirectAttributes redirect) {
    try {
      WebForm created = forms.create(form.request());
      redirect.addFlashAttribute("notice", "Form " + created.slug() + " added.");
      return "redirect:/admin/forms";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      return page(model, null, form);
    }
  }

  @PostMapping("/{slug}")
  String update(@PathVariable String slug, @ModelAttribute FormForm form, Model model, RedirectAttributes redirect) {
    try {
      WebForm updated = forms.update(slug, form.request());
      redirect.addFlashAttribute("notice", "Form " + updated.slug() + " saved.");
      return "redirect:/admin/forms";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      return page(model, forms.require(slug), form);
    }
  }

  @PostMapping("/{slug}/delete")
  String delete(@PathVariable String slug, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/forms", "Form " + slug + " deleted.", () -> forms.delete(slug));
  }

  private String page(Model model, WebForm editing, FormForm form) {
    model.addAttribute("forms", forms.all());
    model.addAttribute("editing", editing);
    model.addAttribute("form", form);
    java.util.List<dev.tact.staff.Team> teams = staff.teams();
    model.addAttribute("teams", teams);
    model.addAttribute("teamNames", teams.stream().collect(java.util.stream.Collectors.toMap(dev.tact.staff.Team::id,
        dev.tact.staff.Team::name)));
    model.addAttribute("base", org.springframework.web.servlet.support.ServletUriComponentsBuilder
        .fromCurrentContextPath().build().toUriString());
    return "webform/admin";
  }
}
