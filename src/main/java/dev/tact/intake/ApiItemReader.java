package dev.tact.intake;

import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Channel;
import dev.tact.conversation.InboundMessage;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a message an integration posted as JSON ({@link MessageSubmission}). */
@Component
class ApiItemReader implements ItemReader {

  private final JsonMapper json;
  private final IdentityParser identities;

  ApiItemReader(JsonMapper json, IdentityParser identities) {
    this.json = json;
    this.identities = identities;
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
    Identity sender = identities.parse(s.sender());
    InboundMessage.Builder message = InboundMessage.builder(item.messageId(), Channel.parse(s.channel()))
        .inboundItem(item.id())
        .subject(MessageIntake.blankToNull(s.subject()))
        .text(s.text())
        .externalMessageId(item.externalId())
        .externalThreadId(MessageIntake.blankToNull(s.externalThreadId()))
        .conversationReference(MessageIntake.blankToNull(s.conversation()))
        .receivedAt(item.receivedAt())
        .submittedBy(item.submittedBy());
    String reporter = s.name() == null || s.name().isBlank() ? sender.value() : s.name() + " <" + sender.value() + ">";
    return new ReadItem(() -> sender, new ContactNames(s.name(), s.givenName(), s.familyName()), message,
        new ReadItem.Reporting(sender.value(), sender.value(), reporter, false, null, false), ChannelTraits.NONE);
  }
}
