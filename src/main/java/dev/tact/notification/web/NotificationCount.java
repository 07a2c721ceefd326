package dev.tact.notification.web;

import dev.tact.notification.Notifications;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bell's number in the navigation: the signed-in agent's unread notifications (0 for anyone else). */
@ControllerAdvice(basePackages = "dev.tact.web.ui", annotations = UiController.class)
class NotificationCount {

  private final StaffPrincipals principals;
  private final Notifications notifications;

  NotificationCount(StaffPrincipals principals, Notifications notifications) {
    this.principals = principals;
    this.notifications = notifications;
  }

  @ModelAttribute("notificationsUnread")
  int unread(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
      return 0;
    }
    return principals.agent(authentication).map(agent -> notifications.unreadCount(agent.id())).orElse(0);
  }
}
