package dev.tact.noise.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.mail.StaffDomains;
import dev.tact.noise.FreeMailDomains;
import dev.tact.noise.HeldGroup;
import dev.tact.noise.MailBombs;
import dev.tact.noise.NoiseControl;
import dev.tact.noise.VendorPitchSettings;
import dev.tact.noise.VendorPitchSettingsService;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.AgentState;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import dev.tact.staff.Team;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Noise control in the UI: splitting a report out of a conversation (the reports list itself is the
 * fragment {@code noise/reports} on the conversation page), and the admin page of held mail-bomb
 * groups and rate limits, free-mail providers, vendor pitches and the staff domains in force.
 */
@UiController
class NoiseController {

  private final NoiseControl noise;
  private final MailBombs mailBombs;
  private final ConversationManagement conversations;
  private final StaffDirectory staff;
  private final FreeMailDomains freeMail;
  private final StaffPrincipals principals;
  private final Actors actors;
  private final VendorPitchSettingsService pitches;
  private final StaffDomains staffDomains;

  NoiseController(NoiseControl noise, MailBombs mailBombs, ConversationManagement conversations,
      StaffDirectory staff, FreeMailDomains freeMail, StaffPrincipals principals, Actors actors,
      VendorPitchSettingsService pitches,
      StaffDomains staffDomains) {
    this.pitches = pitches;
    this.staffDomains = staffDomains;
    this.noise = noise;
    this.mailBombs = mailBombs;
    this.conversations = conversations;
    this.staff = staff;
    this.freeMail = freeMail;
    this.principals = principals;
    this.actors = actors;
  }

  @PostMapping("/conversations/{number}/reports/{reportId}/split")
  String split(@PathVariable long number, @PathVariable UUID reportId, Authentication auth,
      RedirectAttributes redirect) {
    ConversationSummary from = conversations.findByReference(Long.toString(number))
        .orElseThrow(() -> ProblemException.notFound("conversation", "#" + number));
    try {
      ConversationSummary opened = noise.split(from.id(), reportId, actors.of(auth));
      redirect.addFlashAttribute("notice", "Split out of #" + number + " into this conversation.");
      return "redirect:/conversations/" + opened.number();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/conversations/" + number;
    }
  }

  @GetMapping("/admin/noise")
  String page(@RequestParam(required = false) String status, @RequestParam(required = false) String freeMailQuery,
      Model model) {
    HeldGroup.Status shown = HeldGroup.Status.HELD;
    for (HeldGroup.Status s : HeldGroup.Status.values()) {
      if (s.name().equalsIgnoreCase(status == null ? "" : status.strip())) {
        shown = s;
      }
    }
    Map<UUID, String> teamNames = new LinkedHashMap<>();
    for (Team team : staff.teams()) {
      teamNames.put(team.id(), team.name());
    }
    model.addAttribute("shown", shown);
    model.addAttribute("groups", mailBombs.groups(shown));
    model.addAttribute("defaults", mailBombs.limitsFor(null));
    model.addAttribute("teamLimits", mailBombs.configuredLimits().stream().filter(l -> l.teamId() != null).toList());
    model.addAttribute("teams", staff.teams());
    model.addAttribute("teamNames", teamNames);
    model.addAttribute("freeMailCount", freeMail.list(null, new PageRequest(0, 1)).total());
    model.addAttribute("freeMailQuery", freeMailQuery == null ? "" : freeMailQuery.strip());
    model.addAttribute("freeMailMatches", freeMailQuery == null || freeMailQuery.isBlank() ? null
        : freeMail.list(freeMailQuery, new PageRequest(0, 50)));
    model.addAttribute("freeMailChanges", freeMail.changes());
    VendorPitchSettings pitch = pitches.current();
    model.addAttribute("pitch", pitch);
    if (!model.containsAttribute("pitchForm")) {
      model.addAttribute("pitchForm", new PitchForm(pitch.owner(), pitch.answer(), pitch.answerText()));
    }
    model.addAttribute("agents", staff.agents().stream().filter(a -> a.state() != AgentState.DEACTIVATED).toList());
    model.addAttribute("staffDomains", staffDomains.overview());
    return "noise/admin";
  }

  @PostMapping("/admin/noise/free-mail/add")
  String addFreeMail(@RequestParam(required = false) String domain, Authentication auth,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise#free-mail", "Added to the free-mail providers: its senders are limited "
        + "one by one.", () -> freeMail.add(domain, principals.name(auth)));
  }

  @PostMapping("/admin/noise/free-mail/remove")
  String removeFreeMail(@RequestParam(required = false) String domain, Authentication auth,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise#free-mail", "Taken off the free-mail providers: its senders count "
        + "against the per-domain limit again.", () -> freeMail.remove(domain, principals.name(auth)));
  }

  /** The vendor-pitch form as posted (kept for the page when it is refused). */
  record PitchForm(String owner, Boolean answer, String answerText) implements java.io.Serializable {}

  @PostMapping("/admin/noise/vendor-pitches")
  String vendorPitches(@ModelAttribute PitchForm form, Authentication auth, RedirectAttributes redirect) {
    try {
      // an unticked box is not sent: no answer
      pitches.update(new VendorPitchSettings.Change(form.owner(), Boolean.TRUE.equals(form.answer()),
          form.answerText()),
          principals.who(auth));
      redirect.addFlashAttribute("notice", "Vendor pitches: saved for every node.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      redirect.addFlashAttribute("pitchForm", form);
    }
    return "redirect:/admin/noise#vendor-pitches";
  }

  @PostMapping("/admin/noise/vendor-pitches/reset")
  String resetVendorPitches(Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise#vendor-pitches", "Vendor pitches follow the configuration again.",
        () -> pitches.reset(principals.who(auth)));
  }

  @GetMapping("/admin/noise/held/{id}")
  String group(@PathVariable UUID id, Model model) {
    model.addAttribute("group", mailBombs.requireGroup(id));
    model.addAttribute("messages", mailBombs.messages(id));
    return "noise/held";
  }

  @PostMapping("/admin/noise/held/{id}/release")
  String release(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise", "Released: each message is filed as usual.",
        () -> mailBombs.release(id, principals.name(auth)));
  }

  @PostMapping("/admin/noise/held/{id}/discard")
  String discard(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise", "Discarded: the raw messages stay in the inbound log.",
        () -> mailBombs.discard(id, principals.name(auth)));
  }

  @PostMapping("/admin/noise/limits")
  String limits(@RequestParam(required = false) String teamId, @RequestParam(required = false) Integer perSender,
      @RequestParam(required = false) Integer perDomain, @RequestParam(required = false) Integer windowMinutes,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise", "Limits saved.", () -> mailBombs.setLimits(team(teamId), perSender,
        perDomain, windowMinutes == null ? null : windowMinutes * 60));
  }

  @PostMapping("/admin/noise/limits/{teamId}/clear")
  String clear(@PathVariable UUID teamId, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/noise", "The team follows the default limits again.",
        () -> mailBombs.clearLimits(teamId));
  }

  private static UUID team(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-team", "'" + value + "' is not a team.");
    }
  }
}
