package dev.tact.delivery;

import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffMailRequested;
import java.util.Locale;
import java.util.Optional;

/**
 * The one exception to "only a {@link dev.tact.policy.ContactPermit} makes an outbox row sendable": a mail from Tact
 * to a member of its own staff (an invitation, a password reset link). Staff are not contacts, so the contact policy
 * has nothing to decide; instead this permit exists only for a mail addressed to exactly the email of the agent it
 * names, as the staff directory has it in this transaction. It cannot be made for any other address, carries no
 * marketing, and {@code ContactPermitArchitectureTests} checks that only {@link StaffMailEnqueuer} makes and uses one.
 */
final class StaffMailPermit {

  private final String recipient;

  private StaffMailPermit(String recipient) {
    this.recipient = recipient;
  }

  /** A permit when the mail goes to the agent's own address; empty for any other address or no such agent. */
  static Optional<StaffMailPermit> forStaff(StaffMailRequested mail, StaffDirectory staff) {
    if (mail.agentId() == null || mail.recipient() == null) {
      return Optional.empty();
    }
    String recipient = mail.recipient().strip().toLowerCase(Locale.ROOT);
    return staff.agent(mail.agentId()).map(Agent::email).filter(recipient::equals)
        .map(StaffMailPermit::new);
  }

  String recipient() {
    return recipient;
  }
}
