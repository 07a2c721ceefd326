package dev.tact.survey.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import dev.tact.survey.SurveySettings;
import dev.tact.survey.SurveySettingsService;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Surveys: on or off, and the scale. Saved through the same service as {@code PUT
 * /api/v1/admin/survey-settings}, so the same rules and the same audit entry; bad input is a message, nothing saved.
 */
@UiController
@RequestMapping("/admin/surveys")
class SurveyAdminController {

  private final SurveySettingsService settings;
  private final StaffPrincipals principals;

  SurveyAdminController(SurveySettingsService settings, StaffPrincipals principals) {
    this.settings = settings;
    this.principals = principals;
  }

  @GetMapping
  String show(Model model) {
    model.addAttribute("settings", settings.current());
    return "survey/admin";
  }

  @PostMapping
  String save(@RequestParam(required = false) String enabled, @RequestParam(required = false) String scale,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/surveys", "Survey settings saved.", () -> settings.update(
        new SurveySettings.Change(enabled != null, scale(scale)), principals.who(auth)));
  }

  private static Integer scale(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("invalid-survey-scale", "Choose a scale: good / not good, or 1 to 5.");
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("invalid-survey-scale", "The scale is 2 (good / not good) or 5 (1 to 5), not “"
          + value.strip() + "”.");
    }
  }
}
