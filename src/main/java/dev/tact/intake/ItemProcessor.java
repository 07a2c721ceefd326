package dev.tact.intake;

import org.springframework.stereotype.Component;

/** Hands each logged item to the step that reads its content type; an item no step reads is parked. */
@Component
class ItemProcessor {

  private final ApiItemStep api;
  private final MailItemStep mail;

  ItemProcessor(ApiItemStep api, MailItemStep mail) {
    this.api = api;
    this.mail = mail;
  }

  void process(InboundItem item) {
    switch (item.contentType()) {
      case MessageIntake.API_CONTENT_TYPE -> api.process(item);
      case MessageIntake.MAIL_CONTENT_TYPE -> mail.process(item);
      default -> throw new UnreadableItemException("No pipeline step reads items of type " + item.contentType(), null);
    }
  }
}
