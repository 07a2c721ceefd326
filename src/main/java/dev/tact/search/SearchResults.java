package dev.tact.search;

import java.util.List;

/** The best hits first, and how many there are in all. */
public record SearchResults(long total, List<SearchHit> hits) {}
