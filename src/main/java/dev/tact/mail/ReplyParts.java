package dev.tact.mail;

import java.util.List;

/**
 * A mail body split into the new text its sender wrote and the parts shown collapsed: quoted history and
 * signature. The full body is kept elsewhere; this is for display.
 *
 * @param visible the new text, without trailing blank lines or trailing whitespace
 * @param quoted the removed quoted history, its header line included, or ""
 * @param signature the removed signature or mobile footer, or ""
 * @param fragments every line of the body, top to bottom, grouped into fragments
 * @param visibleHtml for an HTML body, the HTML of the visible part; "" for a plain-text body
 */
public record ReplyParts(String visible, String quoted, String signature, List<Fragment> fragments,
    String visibleHtml) {

  /** Parts of a plain-text body (no HTML). */
  public ReplyParts(String visible, String quoted, String signature, List<Fragment> fragments) {
    this(visible, quoted, signature, fragments, "");
  }

  public ReplyParts {
    visible = visible == null ? "" : visible;
    quoted = quoted == null ? "" : quoted;
    signature = signature == null ? "" : signature;
    fragments = fragments == null ? List.of() : List.copyOf(fragments);
    visibleHtml = visibleHtml == null ? "" : visibleHtml;
  }

  /** Parts of an empty body. */
  public static ReplyParts empty() {
    return new ReplyParts("", "", "", List.of(), "");
  }
}
