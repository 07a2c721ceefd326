package dev.tact.policy.web;

import dev.tact.policy.Emergencies;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Emergencies: every agent sees them; leads and admins declare one for a region (R15) and end it. Times are typed
 * in a zone the lead chooses (the region's, as declarations give them).
 */
@UiController
class EmergencyController {

  private static final String PAGE = "/policy/emergencies";

  private final Emergencies emergencies;
  private final StaffPrincipals principals;

  EmergencyController(Emergencies emergencies, StaffPrincipals principals) {
    this.emergencies = emergencies;
    this.principals = principals;
  }

  @GetMapping(PAGE)
  String show(Model model, Authentication auth) {
    model.addAttribute("emergencies", emergencies.all());
    model.addAttribute("mayDeclare", StaffPrincipals.isLead(auth));
    return "policy/emergencies";
  }

  @PostMapping(PAGE)
  String declare(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String country,
      @RequestParam(defaultValue = "") String subdivision, @RequestParam(defaultValue = "") String startsAt,
      @RequestParam(defaultValue = "") String endsAt, @RequestParam(defaultValue = "UTC") String zone,
      @RequestParam(defaultValue = "false") boolean keepExemptions, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Emergency declared: sales contacts there wait until it ends.", () -> {
      requireLead(auth);
      ZoneId in = zone(zone);
      emergencies.declare(new Emergencies.Declaration(title, country, subdivision, time(startsAt, in),
          time(endsAt, in), !keepExemptions), principals.who(auth));
    });
  }

  @PostMapping(PAGE + "/{id}/end")
  String end(@PathVariable UUID id, @RequestParam(defaultValue = "") String endsAt,
      @RequestParam(defaultValue = "UTC") String zone, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Emergency end saved.", () -> {
      requireLead(auth);
      emergencies.end(id, time(endsAt, zone(zone)), principals.who(auth));
    });
  }

  private static void requireLead(Authentication auth) {
    if (!StaffPrincipals.isLead(auth)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may declare or end an "
          + "emergency.");
    }
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-time-zone", "'" + value + "' is not a time zone such as "
          + "America/Chicago.");
    }
  }

  private static Instant time(String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-time", "'" + value + "' is not a date and time.");
    }
  }
}
