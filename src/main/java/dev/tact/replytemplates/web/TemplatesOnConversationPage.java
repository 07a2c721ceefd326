package dev.tact.replytemplates.web;

import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationPageContributor;
import dev.tact.replytemplates.ReplyTemplates;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The templates and macros the signed-in agent may choose in the reply box (one query per page). */
@Component
class TemplatesOnConversationPage implements ConversationPageContributor {

  static final String TEMPLATES = "replyTemplates";

  private final ReplyTemplates templates;
  private final Editors editors;

  TemplatesOnConversationPage(ReplyTemplates templates, Editors editors) {
    this.templates = templates;
    this.editors = editors;
  }

  @Override
  public void contribute(ConversationDetails conversation, Map<String, Object> model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    model.put(TEMPLATES, auth == null ? java.util.List.of()
        : templates.visibleTo(editors.of(auth)).stream().map(TemplateView::of).toList());
  }
}
