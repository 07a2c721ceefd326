package dev.tact.noise.similarity;

/** The best earlier message found by {@link SignatureIndex#bestMatch}: its caller-given reference and similarity. */
public record IndexMatch(long ref, double similarity) {
}
