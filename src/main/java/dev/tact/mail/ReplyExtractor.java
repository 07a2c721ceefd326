package dev.tact.mail;

import dev.tact.mail.reply.HtmlReplyParser;
import dev.tact.mail.reply.PlainTextReplyParser;
import dev.tact.mail.reply.ReplyRule;
import java.util.Set;

/**
 * Finds the new text of a reply for display: removes quoted history (`>` quotes, "On ... wrote:" and Outlook
 * header blocks in many languages, "-----Original Message-----"), signatures and mobile footers. Quotes that are
 * answered inline stay visible. The caller keeps the full body; nothing here is meant for storage.
 *
 * <p>Stateless and thread-safe; work is linear in the body's length. Never throws on malformed input.
 */
public final class ReplyExtractor {

  private final PlainTextReplyParser plain;
  private final HtmlReplyParser html;

  public ReplyExtractor() {
    this(ReplyRule.all());
  }

  /** An extractor with only some of its rules, for measuring what each rule does (bench/reply-accuracy.sh). */
  ReplyExtractor(Set<ReplyRule> rules) {
    this.plain = new PlainTextReplyParser(rules);
    this.html = new HtmlReplyParser(rules);
  }

  /** The new text of a plain-text body (null counts as empty). */
  public ReplyParts extract(String plainText) {
    return plain.parse(plainText);
  }

  /** The new part of an HTML body, as text ({@link ReplyParts#visible()}) and as HTML. */
  public ReplyParts extractHtml(String htmlBody) {
    return html.parse(htmlBody);
  }
}
