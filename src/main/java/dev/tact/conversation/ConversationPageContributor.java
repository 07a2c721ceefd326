package dev.tact.conversation;

import java.util.Map;

/**
 * What another module shows on the conversation page: it adds the model attributes its own fragments read (the SLA
 * panel, the linked reports, each message's delivery state, the routing facts). The conversation module owns the
 * page and asks every contributor once per page; the modules that know more about a conversation depend on
 * conversation, never the other way round. A contributor reads what it needs for the whole page in a fixed number
 * of queries, however many messages the conversation has.
 */
public interface ConversationPageContributor {

  void contribute(ConversationDetails conversation, Map<String, Object> model);
}
