package dev.tact.compose.web;

import dev.tact.delivery.ReplyRoute;
import java.util.List;

/**
 * The reply box of a conversation page ({@code compose/reply :: reply(c, r)}).
 *
 * @param route where a reply goes by default (the conversation's own way), and whether it can leave
 * @param options the contact's identities an agent may send the reply to instead, each with its way out
 * @param draft the text kept across a policy check or a refusal
 * @param via the identity chosen ("" for the conversation's own way)
 * @param check the contact policy's answer for {@code via}, after the agent asked it; null before
 */
record ReplyForm(ReplyRoute route, List<Option> options, String draft, String via, PolicyAnswer check) {

  /** One identity of the contact, as the reply box offers it. */
  record Option(String value, String label, boolean open, String whyNot) {}
}
