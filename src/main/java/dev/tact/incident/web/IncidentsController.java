package dev.tact.incident.web;

import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.incident.AffectedContactSelection;
import dev.tact.incident.Components;
import dev.tact.incident.Impact;
import dev.tact.incident.Incident;
import dev.tact.incident.IncidentState;
import dev.tact.incident.Incidents;
import dev.tact.incident.LinkedConversation;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incidents for agents: every agent sees them and their reports, and may unlink a wrong match; leads and admins
 * declare them, post updates and select affected contacts.
 */
@UiController
class IncidentsController {

  private static final String LIST = "/incidents";

  private final Incidents incidents;
  private final Components components;
  private final AffectedContactSelection selection;
  private final ConversationManagement conversations;
  private final StaffPrincipals principals;

  IncidentsController(Incidents incidents, Components components, AffectedContactSelection selection,
      ConversationManagement conversations, StaffPrincipals principals) {
    this.incidents = incidents;
    this.components = components;
    this.selection = selection;
    this.conversations = conversations;
    this.principals = principals;
  }

  @GetMapping(LIST)
  String list(Model model, Authentication auth) {
    model.addAttribute("open", incidents.open());
    model.addAttribute("recent", incidents.recent(50).stream().filter(i -> !i.open()).toList());
    model.addAttribute("components", components.all());
    model.addAttribute("mayDeclare", StaffPrincipals.isLead(auth));
    return "incident/list";
  }

  @PostMapping(LIST)
  String declare(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String impact,
      @RequestParam(required = false) List<UUID> component, @RequestParam(defaultValue = "") String message,
      @RequestParam(defaultValue = "") String startedAt, @RequestParam(defaultValue = "UTC") String zone,
      @RequestParam(defaultValue = "") String keywords, @RequestParam(name = "notify", defaultValue = "false") boolean sendNotices,
      @RequestParam(defaultValue = "false") boolean acknowledge, Authentication auth, RedirectAttributes redirect) {
    Incident[] declared = new Incident[1];
    String to = Flash.run(redirect, LIST, "Incident declared: it is on the status page.", () -> {
      requireLead(auth);
      declared[0] = incidents.declare(new Incidents.Declaration(title, impact.isBlank() ? null : Impact.parse(impact),
          component, message, time(startedAt, zone), keywords, sendNotices, acknowledge), principals.who(auth));
    });
    return declared[0] == null ? to : "redirect:/incidents/" + declared[0].number();
  }

  @GetMapping("/incidents/{number}")
  String show(@PathVariable long number, Model model, Authentication auth) {
    Incident incident = incidents.require(number);
    model.addAttribute("incident", incident);
    model.addAttribute("updates", incidents.updates(incident.id()));
    List<LinkedConversation> links = incidents.links(incident.id());
    List<LinkedConversation> shown = links.subList(0, Math.min(links.size(), PageRequest.MAX_SIZE));
    Map<UUID, Long> numbers = new HashMap<>();
    if (!shown.isEmpty()) {
      conversations.list(new ConversationFilter(Set.of(), null, null, false, null, null,
          shown.stream().map(LinkedConversation::conversationId).collect(Collectors.toSet())),
          new PageRequest(0, PageRequest.MAX_SIZE)).items().forEach(c -> numbers.put(c.id(), c.number()));
    }
    model.addAttribute("links", links);
    model.addAttribute("shownLinks", shown);
    model.addAttribute("numbers", numbers);
    model.addAttribute("figures", incidents.figures(incident));
    model.addAttribute("components", components.all());
    model.addAttribute("states", IncidentState.values());
    model.addAttribute("impacts", Impact.values());
    model.addAttribute("mayDeclare", StaffPrincipals.isLead(auth));
    return "incident/incident";
  }

  @PostMapping("/incidents/{number}/updates")
  String post(@PathVariable long number, @RequestParam(defaultValue = "") String state,
      @RequestParam(defaultValue = "") String message, @RequestParam(name = "notify", defaultValue = "false") boolean sendNotices,
      @RequestParam(defaultValue = "") String impact, @RequestParam(required = false) List<UUID> component,
      @RequestParam(required = false) Long version, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/incidents/" + number, "Update posted.", () -> {
      requireLead(auth);
      Incident incident = incidents.require(number);
      incidents.post(incident.id(), new Incidents.Update(IncidentState.parse(state), message, sendNotices,
          impact.isBlank() ? null : Impact.parse(impact), component, version), principals.who(auth));
    });
  }

  @PostMapping("/incidents/{number}/details")
  String amend(@PathVariable long number, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String postmortemUrl,
      @RequestParam(defaultValue = "false") boolean acknowledge, @RequestParam(required = false) Long version,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/incidents/" + number, "Details saved.", () -> {
      requireLead(auth);
      incidents.amend(incidents.require(number).id(), new Incidents.Details(title, keywords, postmortemUrl,
          acknowledge), version, principals.who(auth));
    });
  }

  @PostMapping("/incidents/{number}/links")
  String link(@PathVariable long number, @RequestParam(defaultValue = "") String conversation,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/incidents/" + number, "Conversation linked.", () -> {
      ConversationSummary c = conversations.requireByReference(conversation);
      incidents.link(incidents.require(number).id(), c.id(), c.contactId(), c.subject(), principals.who(auth));
    });
  }

  @PostMapping("/incidents/{number}/links/{conversationId}/unlink")
  String unlink(@PathVariable long number, @PathVariable UUID conversationId,
      @RequestParam(defaultValue = "") String back, Authentication auth, RedirectAttributes redirect) {
    String to = back.matches("/conversations/\\d+") ? back : "/incidents/" + number;
    return Flash.run(redirect, to, "Unlinked: it is not counted as a report of INC-" + number + ".", () ->
        incidents.unlink(incidents.require(number).id(), conversationId, principals.who(auth)));
  }

  @PostMapping("/incidents/{number}/contacts")
  String select(@PathVariable long number, @RequestParam(defaultValue = "") String tier,
      @RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String identities,
      Authentication auth, RedirectAttributes redirect) {
    int[] added = new int[1];
    String to = Flash.run(redirect, "/incidents/" + number, "Contacts selected.", () -> {
      requireLead(auth);
      added[0] = selection.select(incidents.require(number).id(),
          new AffectedContactSelection.Criteria(tier, tag, identities), principals.who(auth));
    });
    if (redirect.getFlashAttributes().containsKey("notice")) {
      redirect.addFlashAttribute("notice", added[0] + " more contacts count as affected.");
    }
    return to;
  }

  static void requireLead(Authentication auth) {
    if (!StaffPrincipals.isLead(auth)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins declare incidents and post "
          + "their updates.");
    }
  }

  static Instant time(String value, String zone) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(ZoneId.of(zone.strip())).toInstant();
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-time", "'" + value + "' in " + zone + " is not a date and time.");
    }
  }
}
