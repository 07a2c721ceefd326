package dev.tact.notification.web;

import dev.tact.notification.Notification;
import dev.tact.notification.NotificationKind;
import dev.tact.notification.NotificationPreference;
import dev.tact.notification.Notifications;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agent's notifications (mark one or all read), their choices of what to hear and how, and @mention hints. */
@UiController
class NotificationsController {

  static final int SHOWN = 100;
  static final int HINTS = 8;

  private final Notifications notifications;
  private final StaffPrincipals principals;
  private final StaffDirectory staff;

  NotificationsController(Notifications notifications, StaffPrincipals principals, StaffDirectory staff) {
    this.notifications = notifications;
    this.principals = principals;
    this.staff = staff;
  }

  @GetMapping("/notifications")
  String list(Authentication authentication, Model model) {
    Agent agent = principals.requireAgent(authentication);
    model.addAttribute("notifications", notifications.forAgent(agent.id(), SHOWN));
    model.addAttribute("preferences", notifications.preferences(agent.id()).values());
    return "notification/list";
  }

  /** Marks it read and, when asked to ({@code open}), opens its conversation. */
  @PostMapping("/notifications/{id}/read")
  String markRead(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean open,
      Authentication authentication, RedirectAttributes redirect) {
    Agent agent = principals.requireAgent(authentication);
    try {
      Notification read = notifications.markRead(id, agent.id());
      return open && read.conversationNumber() != null ? "redirect:/conversations/" + read.conversationNumber()
          : "redirect:/notifications";
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/notifications";
    }
  }

  @PostMapping("/notifications/read")
  String markAllRead(Authentication authentication, RedirectAttributes redirect) {
    int marked = notifications.markAllRead(principals.requireAgent(authentication).id());
    redirect.addFlashAttribute("notice", (marked == 1 ? "1 notification" : marked + " notifications") + " marked read.");
    return "redirect:/notifications";
  }

  /** The boxes ticked: {@code app} and {@code email} hold the kinds' ids; a kind not ticked is off. */
  @PostMapping("/notifications/preferences")
  String preferences(@RequestParam(defaultValue = "") List<String> app,
      @RequestParam(defaultValue = "") List<String> email, Authentication authentication,
      RedirectAttributes redirect) {
    Agent agent = principals.requireAgent(authentication);
    Set<String> inApp = Set.copyOf(app);
    Set<String> byEmail = Set.copyOf(email);
    List<NotificationPreference> chosen = Arrays.stream(NotificationKind.values())
        .map(k -> new NotificationPreference(k, inApp.contains(k.id()), byEmail.contains(k.id()))).toList();
    notifications.setPreferences(agent.id(), chosen);
    redirect.addFlashAttribute("notice", "Your notification choices are saved.");
    return "redirect:/notifications";
  }

  record Mentionable(String name, String handle, String email) {}

  /** Active colleagues whose name or address starts with (or contains) what was typed after "@", for completion. */
  @GetMapping("/notifications/mentionable")
  @ResponseBody
  List<Mentionable> mentionable(@RequestParam(defaultValue = "") String q) {
    String typed = q.strip().toLowerCase(Locale.ROOT);
    return staff.agents().stream().filter(Agent::active)
        .filter(a -> typed.isEmpty() || a.displayName().toLowerCase(Locale.ROOT).contains(typed)
            || a.email().toLowerCase(Locale.ROOT).startsWith(typed))
        .limit(HINTS)
        .map(a -> new Mentionable(a.displayName(), a.displayName(), a.email())).toList();
  }
}
