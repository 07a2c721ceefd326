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
 * @param cc the copies of the draft, as typed
 * @param bcc the blind copies of the draft, as typed
 * @param signature what the reply will end with (the agent's signature, then the mailbox's), or null
 * @param held the replies of this conversation waiting out their undo window (and cool-off)
 */
record ReplyForm(ReplyRoute route, List<Option> options, String draft, String via, PolicyAnswer check, String cc,
    String bcc, String signature, List<Held> held) {

  /** A reply of this conversation waiting out its hold; {@code mine}: the viewer wrote it and may undo it. */
  record Held(java.util.UUID id, String authorName, String text, java.time.Instant sendAt, boolean mine,
      String thenStatus, String cc, String bcc, long secondsLeft) {}

  /** One identity of the contact, as the reply box offers it. */
  record Option(String value, String label, boolean open, String whyNot) {}
}
