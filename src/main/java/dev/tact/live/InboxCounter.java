package dev.tact.live;

import java.util.Map;
import java.util.UUID;

/**
 * Counts shown beside the inbox's views in the navigation, refreshed live: each key fills the elements marked
 * {@code data-live-count="key"} (an empty count hides them). Live counts Mine and Unassigned; a module with views of
 * its own (saved views, say) adds a counter and marks its links.
 */
public interface InboxCounter {

  /** This agent's counts by key; read once per refresh, so a few queries at most. */
  Map<String, Long> counts(UUID agentId);
}
