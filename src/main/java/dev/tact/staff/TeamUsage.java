package dev.tact.staff;

import java.util.List;
import java.util.UUID;

/**
 * Something in another module that still needs a team (its open conversations, a mailbox or a routing rule that
 * sends work to it). A team is deleted only when no module names a use; modules implement this as a bean.
 */
public interface TeamUsage {

  /** What still needs the team, in words for an admin ("2 open conversations"); empty when nothing does. */
  List<String> usesOf(UUID teamId);
}
