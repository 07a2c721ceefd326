package dev.tact.tone;

import java.util.List;

/**
 * The tone check's answer for one text.
 *
 * @param flagged true when the findings together weigh {@link ToneCheck#FLAG_AT} or more: the draft should be read
 *     again before it is sent
 * @param score the findings' summed weight
 * @param findings the phrases found, in text order, none overlapping
 */
public record ToneReport(boolean flagged, double score, List<ToneFinding> findings) {

  public ToneReport {
    findings = List.copyOf(findings);
  }
}
