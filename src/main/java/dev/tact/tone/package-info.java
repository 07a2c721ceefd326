/**
 * Tone check: hostile, sarcastic, dismissive, condescending or blaming phrases in a draft, each with a gentler
 * suggestion, found by a lexicon of phrases and patterns that runs in the JVM (no outside service; ADR 0035).
 * Entry point for other modules: {@link dev.tact.tone.ToneCheck#check(String)}; the reply box asks
 * {@code POST /api/tone/check} as the agent types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tone check", allowedDependencies = {"shared"})
package dev.tact.tone;
