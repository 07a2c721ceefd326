package dev.tact.tone;

import java.util.regex.Pattern;

/** One line of the lexicon: a pattern, what kind of phrase it finds, how much it counts, and what to write instead. */
record ToneRule(ToneKind kind, double weight, Pattern pattern, String suggestion) {}
