package dev.tact.tone;

/**
 * One phrase of a draft that may read badly.
 *
 * @param start index of its first character in the checked text
 * @param end index after its last character
 * @param kind why it may read badly
 * @param phrase the text between start and end
 * @param suggestion what to write instead, or how to rephrase
 * @param weight how strongly it counts towards flagging the draft (1 = alone enough)
 */
public record ToneFinding(int start, int end, ToneKind kind, String phrase, String suggestion, double weight) {}
