package dev.tact.web.ui;

import dev.tact.shared.web.UiController;
import dev.tact.sla.SlaNotifications;
import dev.tact.staff.StaffPrincipals;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The counts the navigation shows on every page: the signed-in agent's unread SLA warnings and breaches. */
@ControllerAdvice(basePackages = "dev.tact.web.ui", annotations = UiController.class)
class NavCounts {

  private final StaffPrincipals principals;
  private final SlaNotifications notifications;

  NavCounts(StaffPrincipals principals, SlaNotifications notifications) {
    this.principals = principals;
    this.notifications = notifications;
  }

  /** Unread SLA notifications of the agent and their teams; 0 when nobody (or no agent) is signed in. */
  @ModelAttribute("slaUnread")
  int slaUnread(Authentication authentication) {
    return principals.agent(authentication)
        .map(agent -> notifications.unreadCount(agent.id())).orElse(0);
  }
}
