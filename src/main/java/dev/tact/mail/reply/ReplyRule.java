package dev.tact.mail.reply;

import java.util.EnumSet;
import java.util.Set;

/**
 * The behaviours of reply extraction that were added to generalise beyond the fixtures it was first measured on
 * (issue 14, ADR 0023). All are on in Tact; each can be switched off so that a measurement can choose rules on some
 * corpora and score them on another it did not look at (bench/reply-accuracy.sh, leave one family out). The
 * vocabulary (verbs, field names, separators in more languages) is not switchable: it only adds words.
 */
public enum ReplyRule {

  /** A reply below one quote hides that quote and its header; several answered quotes stay (inline replies). */
  BOTTOM_POSTING,
  /** A mail that is nothing but a quote shows the quote. */
  QUOTE_ONLY,
  /** Spaces and invisible marks at the end of each shown line are dropped. */
  TRIM_LINE_ENDS,
  /** Patterns read lines without invisible format characters and with any space as a plain space. */
  INVISIBLE_MARKS,
  /** Lines starting with "| " are quoted. */
  BAR_QUOTES,
  /** Headers wrapped over up to five lines, with Outlook's mailto parts and a lone closing ">". */
  WRAPPED_HEADERS,
  /** Headers with only a date and a name ("On 3 Mar 2015 at 10:00, John Smith:"), "Quoting X:", "X wrote:". */
  NAME_ONLY_HEADERS,
  /** Outlook header fields separated by blank lines. */
  FIELD_PARAGRAPHS,
  /** Footers of any app ("Sent with Acme Mail"), not only those that name the sender's device. */
  APP_FOOTERS,
  /** "-Name" as the last line is a sign-off. */
  DASH_SIGNOFF,
  /** A contact card at the end (a name with an address, phone numbers, links), alone or under a rule, is a signature. */
  CONTACT_CARD,
  /** GroupWise's ">>> ... >>>" line and headers framed by dashes (Zoho). */
  CLIENT_SEPARATORS;

  /** Every rule: what Tact runs. */
  public static Set<ReplyRule> all() {
    return EnumSet.allOf(ReplyRule.class);
  }
}
