package dev.tact.policy.ledger;

import dev.tact.contact.ContactsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When two contacts merge, the merged one's consents, opt-outs, contact history and open reviews
 * follow the survivor: an opt-out said by either person holds for the merged contact. Decisions
 * stay as audited, under the id they were asked for.
 */
@Component
class PolicyMergeFollower {

  private final JdbcClient jdbc;

  PolicyMergeFollower(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(ContactsMerged merged) {
    for (String table : new String[] {"policy_consent", "policy_attempt", "policy_optout_review",
        "policy_relationship"}) {
      // table names are the constants above, never input
      jdbc.sql("UPDATE " + table + " SET contact_id = :survivor WHERE contact_id = :merged")
          .param("survivor", merged.survivorId()).param("merged", merged.mergedId()).update();
    }
  }
}
