package dev.tact.intake;

import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.GivenField;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.mail.MailArchive;
import dev.tact.mail.MailAttachment;
import dev.tact.shared.Channel;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a message an integration posted as JSON ({@link MessageSubmission}). */
@Component
class ApiItemReader implements ItemReader {

  private final JsonMapper json;
  private final IdentityParser identities;
  private final ConversationManagement conversations;
  private final MailArchive archive;

  ApiItemReader(JsonMapper json, IdentityParser identities, ConversationManagement conversations,
      MailArchive archive) {
    this.json = json;
    this.identities = identities;
    this.conversations = conversations;
    this.archive = archive;
  }

  @Override
  public String contentType() {
    return MessageIntake.API_CONTENT_TYPE;
  }

  @Override
  public ReadItem read(InboundItem item, byte[] raw) {
    MessageSubmission s;
    try {
      s = json.readValue(item.payload(), MessageSubmission.class);
    } catch (JacksonException e) {
      throw new UnreadableItemException("The logged payload is not valid message JSON: " + e.getOriginalMessage(), e);
    }
    return read(item, s, List.of());
  }

  /** Reads a submitted message; its labelled fields and uploaded files are kept once it is filed. */
  ReadItem read(InboundItem item, MessageSubmission s, List<MailAttachment> uploads) {
    Identity sender = identities.parse(s.sender());
    InboundMessage.Builder message = InboundMessage.builder(item.messageId(), Channel.parse(s.channel()))
        .inboundItem(item.id())
        .subject(MessageIntake.blankToNull(s.subject()))
        .text(s.text())
        .externalMessageId(item.externalId())
        .externalThreadId(MessageIntake.blankToNull(s.externalThreadId()))
        .conversationReference(MessageIntake.blankToNull(s.conversation()))
        .team(s.team())
        .receivedAt(item.receivedAt())
        .submittedBy(item.submittedBy());
    String reporter = s.name() == null || s.name().isBlank() ? sender.value() : s.name() + " <" + sender.value() + ">";
    List<GivenField> fields = s.fields().stream()
        .map(f -> new GivenField(f.label().strip(), f.value() == null ? "" : f.value().strip())).toList();
    ChannelTraits traits = fields.isEmpty() && uploads.isEmpty() ? ChannelTraits.NONE
        : new SubmissionTraits(fields, uploads);
    return new ReadItem(() -> sender, new ContactNames(s.name(), s.givenName(), s.familyName()), message,
        new ReadItem.Reporting(sender.value(), sender.value(), reporter, false, null, false), traits);
  }

  /** What a submission adds to its message once filed: the labelled fields (facts) and the uploaded files. */
  private final class SubmissionTraits implements ChannelTraits {

    private final List<GivenField> fields;
    private final List<MailAttachment> uploads;

    SubmissionTraits(List<GivenField> fields, List<MailAttachment> uploads) {
      this.fields = fields;
      this.uploads = uploads;
    }

    @Override
    public void filed(InboundContext context, InboundOutcome outcome) {
      if (outcome.redelivery()) {
        return; // kept when it was filed the first time
      }
      if (!fields.isEmpty()) {
        conversations.recordFields(outcome.messageId(), fields);
      }
      if (!uploads.isEmpty()) {
        archive.storeUploads(outcome.messageId(), uploads);
      }
    }
  }
}
