package dev.tact.delivery.web;

import dev.tact.conversation.ConversationListContributor;
import dev.tact.conversation.ConversationSummary;
import dev.tact.delivery.Outbox;
import dev.tact.staff.Role;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Tells admins in the inbox that mail is waiting for an SMTP relay ({@code delivery/relay-warning :: waiting}). */
@Component
class RelayWarningInInbox implements ConversationListContributor {

  private final Outbox outbox;

  RelayWarningInInbox(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void contribute(List<ConversationSummary> shown, Authentication authentication, Map<String, Object> model) {
    if (isAdmin(authentication)) {
      model.put("relayWarning", outbox.relayWarning());
    }
  }

  private static boolean isAdmin(Authentication authentication) {
    return authentication != null && authentication.getAuthorities().stream()
        .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
  }
}
