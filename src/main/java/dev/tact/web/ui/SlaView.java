package dev.tact.web.ui;

import dev.tact.sla.ConversationSla;
import dev.tact.sla.SlaClockView;
import dev.tact.sla.SlaClocks;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * SLA status for templates ({@code ${@slaView.badge(id)}}), so that the inbox and conversation pages show it
 * with one line each and no change to their controllers.
 */
@Component("slaView")
class SlaView {

  /** A short status: text and a CSS class (sla-breached, sla-warning, sla-ok, sla-paused). */
  record Badge(String text, String css, String title) {}

  private final SlaClocks clocks;

  SlaView(SlaClocks clocks) {
    this.clocks = clocks;
  }

  public Optional<ConversationSla> state(UUID conversationId) {
    return clocks.state(conversationId);
  }

  /** The most urgent active target of the conversation, or null when there is none. */
  public Badge badge(UUID conversationId) {
    Optional<SlaClockView> urgent = clocks.state(conversationId).flatMap(ConversationSla::mostUrgent);
    if (urgent.isEmpty()) {
      return null;
    }
    SlaClockView c = urgent.get();
    String what = c.metric().label();
    if (c.breached()) {
      return new Badge("breached", "sla-breached", what + " breached");
    }
    if ("PAUSED".equals(c.state())) {
      return new Badge("paused " + duration(c.leftMinutes()), "sla-paused", what + ": waiting on the customer");
    }
    boolean warned = c.warnedAt() != null || (c.warnAt() != null && c.leftMinutes() != null
        && c.targetMinutes() != null && c.leftMinutes() * 100 <= (long) c.targetMinutes() * 25);
    return new Badge(duration(c.leftMinutes()) + " left", warned ? "sla-warning" : "sla-ok",
        what + " due " + c.dueAt());
  }

  /** Business minutes as "2 h 05 min" or "45 min". */
  public String duration(Long minutes) {
    if (minutes == null) {
      return "";
    }
    long m = Math.abs(minutes);
    String text = m >= 60 ? (m / 60) + " h " + String.format("%02d", m % 60) + " min" : m + " min";
    return minutes < 0 ? "−" + text : text;
  }
}
