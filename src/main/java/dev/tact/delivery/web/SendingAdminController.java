package dev.tact.delivery.web;

import dev.tact.delivery.DeliveryProperties;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.PacingSettings;
import dev.tact.delivery.PacingSettingsService;
import dev.tact.delivery.RelaySettings;
import dev.tact.delivery.RelaySettingsService;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Sending mail (security restricts /admin/** to admins): the SMTP relay and From, a test mail through it,
 * and the pacing limits; each saved for every node, or given back to the configuration. A refused form is shown
 * again with what was typed (never the password) and the reason; nothing is changed then.
 */
@UiController
@RequestMapping("/admin/sending")
class SendingAdminController {

  /**
   * The relay form as posted; the port as typed, so that "abc" gets a readable answer. Check boxes are Booleans: an
   * unticked one is not sent at all.
   */
  record RelayForm(String host, String port, String security, String username, String password,
      Boolean removePassword, String fromAddress, String fromName) implements Serializable {

    static RelayForm of(RelaySettings s) {
      return new RelayForm(s.host(), Integer.toString(s.port()), s.security().name(), s.username(), "", false,
          s.fromAddress(), s.fromName());
    }

    RelaySettings.Change change() {
      return new RelaySettings.Change(host, portNumber(port), security, username, password, removePassword, fromAddress,
          fromName);
    }

    RelayForm withoutPassword() {
      return new RelayForm(host, port, security, username, "", removePassword, fromAddress, fromName);
    }
  }

  /** The pacing form as posted: numbers as typed; one domain a line, "gmail.com 20 40" (rate, then burst). */
  record PacingForm(Boolean enabled, String defaultRate, String defaultBurst, String globalRate, String domains)
      implements Serializable {

    static PacingForm of(PacingSettings s) {
      StringBuilder lines = new StringBuilder();
      s.domains().forEach(d -> lines.append(d.domain()).append(' ').append(number(d.rate())).append(' ')
          .append(d.burst()).append('\n'));
      return new PacingForm(s.enabled(), number(s.defaultRate()), Integer.toString(s.defaultBurst()),
          number(s.globalRate()), lines.toString());
    }

    PacingSettings.Change change() {
      return new PacingSettings.Change(Boolean.TRUE.equals(enabled), decimal(defaultRate, "The default rate"),
          whole(defaultBurst, "The default burst"), decimal(globalRate, "The global rate"), domainLimits());
    }

    private List<PacingSettings.DomainLimit> domainLimits() {
      List<PacingSettings.DomainLimit> limits = new ArrayList<>();
      for (String line : (domains == null ? "" : domains).split("\\R")) {
        String[] parts = line.strip().split("[\\s,;]+");
        if (parts.length == 1 && parts[0].isEmpty()) {
          continue;
        }
        if (parts.length < 2 || parts.length > 3) {
          throw invalid("Write one domain a line as \"gmail.com 20 40\": the domain, its rate, then its burst, not \""
              + line.strip() + "\".");
        }
        Double rate = decimal(parts[1], parts[0] + "'s rate");
        Integer burst = parts.length == 3 ? whole(parts[2], parts[0] + "'s burst") : Integer.valueOf(1);
        limits.add(new PacingSettings.DomainLimit(parts[0], rate, burst));
      }
      return limits;
    }
  }

  private final RelaySettingsService relays;
  private final PacingSettingsService pacing;
  private final Outbox outbox;

  SendingAdminController(RelaySettingsService relays, PacingSettingsService pacing, Outbox outbox) {
    this.relays = relays;
    this.pacing = pacing;
    this.outbox = outbox;
  }

  @GetMapping
  String page(Authentication auth, Model model) {
    RelaySettings relay = relays.settings();
    PacingSettings limits = pacing.settings();
    model.addAttribute("relay", relay);
    model.addAttribute("pacing", limits);
    if (!model.containsAttribute("relayForm")) {
      model.addAttribute("relayForm", RelayForm.of(relay));
    }
    if (!model.containsAttribute("pacingForm")) {
      model.addAttribute("pacingForm", PacingForm.of(limits));
    }
    if (!model.containsAttribute("testTo")) {
      model.addAttribute("testTo", auth == null ? "" : auth.getName());
    }
    model.addAttribute("securities", DeliveryProperties.Security.values());
    model.addAttribute("relayWarning", outbox.relayWarning());
    return "delivery/sending";
  }

  @PostMapping("/relay")
  String saveRelay(@ModelAttribute RelayForm form, Authentication auth, RedirectAttributes redirect) {
    try {
      RelaySettings saved = relays.update(form.change(), who(auth));
      redirect.addFlashAttribute("notice", saved.configured() ? "Relay saved: every node sends through "
          + saved.host() + ":" + saved.port() + " from its next connection." : "Saved without a relay: mail is "
          + "queued but not sent.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addFlashAttribute("relayForm", form.withoutPassword());
    }
    return "redirect:/admin/sending";
  }

  @PostMapping("/relay/reset")
  String resetRelay(Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sending", "The relay and From follow the configuration again.",
        () -> relays.reset(who(auth)));
  }

  @PostMapping("/relay/test-mail")
  String testMail(@RequestParam(required = false) String to, Authentication auth, RedirectAttributes redirect) {
    redirect.addFlashAttribute("testTo", to == null ? "" : to.strip());
    try {
      RelaySettings.TestMail sent = relays.sendTestMail(to, who(auth));
      redirect.addFlashAttribute(sent.accepted() ? "notice" : "problem", sent.answer());
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/admin/sending#test-mail";
  }

  @PostMapping("/pacing")
  String savePacing(@ModelAttribute PacingForm form, Authentication auth, RedirectAttributes redirect) {
    try {
      pacing.update(form.change(), who(auth));
      redirect.addFlashAttribute("notice", "Pacing limits saved for every node.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addFlashAttribute("pacingForm", form);
    }
    return "redirect:/admin/sending#pacing";
  }

  @PostMapping("/pacing/reset")
  String resetPacing(Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/sending#pacing", "Pacing follows the configuration again.",
        () -> pacing.reset(who(auth)));
  }

  private static String who(Authentication auth) {
    return auth == null ? "unknown" : auth.getName();
  }

  private static Integer portNumber(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("invalid-relay-port", "The port must be a number between 1 and 65535, not '"
          + value.strip() + "'.");
    }
  }

  private static Double decimal(String value, String what) {
    try {
      return value == null || value.isBlank() ? null : Double.valueOf(value.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw invalid(what + " must be a number of sends per second, not '" + value.strip() + "'.");
    }
  }

  private static Integer whole(String value, String what) {
    try {
      return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw invalid(what + " must be a whole number of sends, not '" + value.strip() + "'.");
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.invalid("invalid-pacing", detail);
  }
}
