package dev.tact.delivery;

import dev.tact.conversation.ConversationProperties;
import dev.tact.mail.MailAddress;
import dev.tact.mail.OutgoingMail;
import dev.tact.mail.OutgoingMailWriter;
import dev.tact.mail.TextToHtml;
import dev.tact.policy.Purpose;
import dev.tact.shared.Ids;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffMailRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mail from Tact to its own staff (invitations, password reset links) goes to the outbox in the transaction that
 * asked for it (a plain listener): the link and its mail commit together or not at all. It is queued with a
 * {@link StaffMailPermit}, never with the contact policy, and only to the agent's own address.
 */
@Component
class StaffMailEnqueuer {

  static final String CAUSE = "staff mail";
  private static final Logger log = LoggerFactory.getLogger(StaffMailEnqueuer.class);

  private final OutboxStore store;
  private final StaffDirectory staff;
  private final Outbox outbox;
  private final ConversationProperties conversations;
  private final DispatchSignal signal;
  private final Clock clock;

  StaffMailEnqueuer(OutboxStore store, StaffDirectory staff, Outbox outbox, ConversationProperties conversations,
      DispatchSignal signal, Clock clock) {
    this.store = store;
    this.staff = staff;
    this.outbox = outbox;
    this.conversations = conversations;
    this.signal = signal;
    this.clock = clock;
  }

  @EventListener
  void on(StaffMailRequested mail) {
    StaffMailPermit permit = StaffMailPermit.forStaff(mail, staff).orElse(null);
    if (permit == null) {
      log.warn("Not sending staff mail '{}': {} is not the address of agent {}", mail.subject(), mail.recipient(),
          mail.agentId());
      return;
    }
    UUID id = Ids.newId();
    Instant now = clock.instant();
    String headerMessageId = "tact.staff." + mail.mailId() + "@" + conversations.messageIdDomain();
    MailAddress from = outbox.from();
    byte[] content = OutgoingMailWriter.write(new OutgoingMail(from,
        List.of(new MailAddress(permit.recipient(), mail.recipientName())), mail.subject(), mail.text(),
        TextToHtml.render(mail.text()), headerMessageId, null, List.of(), 0, true, now));
    OutboxStore.Draft draft = new OutboxStore.Draft("staff:" + mail.mailId(), OutboxKind.EMAIL, Purpose.TRANSACTIONAL,
        CAUSE, null, null, null, permit.recipient(), from.address(), mail.subject(), headerMessageId, content);
    if (!store.queueStaffMail(id, draft, permit, now)) {
      throw new IllegalStateException("staff mail " + mail.mailId() + " was queued twice");
    }
    signal.afterCommit();
  }
}
