package dev.tact.noise.similarity;

/** INTERIM: replaced by noise-core's match at merge. */
public record IndexMatch(long ref, double similarity) {}
