package dev.tact.compose;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replies leave.
 *
 * @param undoWindow how long a reply sent from the reply box (or the API, when asked) is held before it is written
 *     to the conversation and the outbox, so that its agent can undo it; 0 sends at once, at most 60 s. An agent may
 *     choose their own window in their profile.
 * @param coolOff the extra hold for a draft the tone check flagged (0: off), added to the undo window
 * @param maxAttachments files one reply may carry
 * @param maxAttachmentBytes the size of one file
 * @param maxTotalAttachmentBytes the size of all files of one reply together
 */
@ConfigurationProperties("tact.compose")
public record ComposeProperties(@DefaultValue("10s") Duration undoWindow, @DefaultValue("0s") Duration coolOff,
    @DefaultValue("10") int maxAttachments, @DefaultValue("10485760") long maxAttachmentBytes,
    @DefaultValue("20971520") long maxTotalAttachmentBytes) {

  public static final Duration MAX_UNDO_WINDOW = Duration.ofSeconds(60);

  public ComposeProperties {
    if (undoWindow == null || undoWindow.isNegative() || undoWindow.compareTo(MAX_UNDO_WINDOW) > 0) {
      throw new IllegalArgumentException("tact.compose.undo-window must be 0 to 60 s, not " + undoWindow);
    }
    if (coolOff == null || coolOff.isNegative()) {
      throw new IllegalArgumentException("tact.compose.cool-off must not be negative, not " + coolOff);
    }
    maxAttachments = Math.max(0, maxAttachments);
  }
}
