package dev.tact.policy;

/** A legal calling-window preset, by its row in the rules file (e.g. "R16") and its title with the source. */
public record LegalPreset(String row, String title) {}
