package dev.tact.webform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A public form customers write in through, at {@code /forms/{slug}} (and {@code /forms/{slug}/embed}).
 *
 * @param intro a line of text above the form, or null
 * @param fields the extra fields, in the order shown
 * @param maxFileBytes the largest attachment accepted, in bytes (0: no attachments)
 * @param maxFiles how many attachments one message may carry
 * @param frameAncestors the origins whose pages may show the embeddable form in a frame ({@code https://shop.example}),
 *     or {@code *} for any; empty: none
 * @param teamId the team a new conversation from this form goes to (routing rules may still move it), or null
 * @param enabled a disabled form answers 404
 */
public record WebForm(UUID id, String slug, String title, String intro, List<FormField> fields, long maxFileBytes,
    int maxFiles, List<String> frameAncestors, UUID teamId, boolean enabled, Instant updatedAt) {

  /** Whether a customer may attach files. */
  public boolean acceptsFiles() {
    return maxFileBytes > 0 && maxFiles > 0;
  }

  /** The {@code frame-ancestors} directive of the embeddable page. */
  public String frameAncestorsDirective() {
    if (frameAncestors.isEmpty()) {
      return "'none'";
    }
    return String.join(" ", frameAncestors);
  }
}
