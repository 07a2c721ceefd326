package dev.tact.compose.web;

import dev.tact.compose.Replies;
import java.io.Serializable;
import java.util.UUID;

/**
 * The contact policy's answer for a way of writing, as the reply box and the new-conversation page show it (kept in
 * the flash across the redirect, hence serialisable).
 *
 * @param via the identity it was asked for
 * @param outcome allow, defer, deny; or "undeliverable" when there is no way out (nothing asked)
 * @param summary the policy's words, or why it cannot be delivered
 * @param decisionId the audited decision ("why?"), null when nothing was asked
 */
record PolicyAnswer(String via, String outcome, String summary, UUID decisionId) implements Serializable {

  static PolicyAnswer of(String via, Replies.Checked checked) {
    if (checked.decision() == null) {
      return new PolicyAnswer(via, "undeliverable", checked.route().whyNot(), null);
    }
    return new PolicyAnswer(via, checked.decision().decision().outcome().name().toLowerCase(java.util.Locale.ROOT),
        checked.decision().decision().summary(), checked.decision().id());
  }

  boolean allowed() {
    return !"deny".equals(outcome) && !"undeliverable".equals(outcome);
  }
}
