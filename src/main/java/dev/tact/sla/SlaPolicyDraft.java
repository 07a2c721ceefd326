package dev.tact.sla;

import java.util.List;

/**
 * A policy as an admin writes it: conditions as lists of words (priorities low/normal/high/urgent, intents,
 * customer tiers, team ids), targets in business minutes (null: none), warnAtPercent (null: 75), and position
 * (1-based; null: last).
 */
public record SlaPolicyDraft(String name, List<String> priorities, List<String> intents, List<String> customerTiers,
    List<String> teamIds, Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes,
    Integer warnAtPercent, Integer position) {}
