package dev.tact.intake;

import dev.tact.contact.Contact;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.ThreadDecision;
import dev.tact.noise.NoiseCandidate;
import dev.tact.noise.NoiseDecision;
import dev.tact.noise.SenderStanding;
import java.util.ArrayList;
import java.util.List;

/**
 * One item on its way in, and every fact the steps found about it so far (as James's mailet container hands one
 * mail from mailet to mailet). Each step reads the facts before it and adds its own; {@link #trail()} names the
 * steps it passed, in order.
 */
final class InboundContext {

  private final InboundItem item;
  private final List<String> trail = new ArrayList<>();
  private Next next = Next.PROCEED;
  private ReadItem read;
  private Contact contact;
  private Contact knownSender;
  private SenderStanding knownStanding;
  private SenderStanding standing = SenderStanding.UNKNOWN;
  private InboundMessage message;
  private ThreadDecision thread;
  private NoiseCandidate candidate;
  private NoiseDecision decision;

  InboundContext(InboundItem item) {
    this.item = item;
  }

  InboundItem item() {
    return item;
  }

  Next next() {
    return next;
  }

  void passed(String step, Next next) {
    trail.add(step);
    this.next = next;
  }

  List<String> trail() {
    return List.copyOf(trail);
  }

  ReadItem read() {
    return read;
  }

  void read(ReadItem read) {
    this.read = read;
  }

  Contact contact() {
    return contact;
  }

  SenderStanding standing() {
    return standing;
  }

  /** The sender's contact, resolved with the rest of the set; null before. */
  Contact knownSender() {
    return knownSender;
  }

  /** The sender's standing as read for the set, or null when it is to be read at the item (see the step). */
  SenderStanding knownStanding() {
    return knownStanding;
  }

  void known(Contact sender, SenderStanding standing) {
    this.knownSender = sender;
    this.knownStanding = standing;
  }

  void sender(Contact contact, SenderStanding standing, InboundMessage message) {
    this.contact = contact;
    this.standing = standing;
    this.message = message;
  }

  InboundMessage message() {
    return message;
  }

  ThreadDecision thread() {
    return thread;
  }

  void thread(ThreadDecision thread) {
    this.thread = thread;
  }

  NoiseCandidate candidate() {
    return candidate;
  }

  NoiseDecision decision() {
    return decision;
  }

  void noise(NoiseCandidate candidate, NoiseDecision decision) {
    this.candidate = candidate;
    this.decision = decision;
  }
}
