package dev.tact.conversation;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;

/**
 * What another module shows in the inbox beside the conversations listed (SLA badges, how many reported a message,
 * a warning that mail waits for a relay). It reads what it needs for all the conversations shown at once, so the
 * inbox runs the same number of queries for 5 rows as for 25.
 */
public interface ConversationListContributor {

  void contribute(List<ConversationSummary> shown, Authentication authentication, Map<String, Object> model);
}
