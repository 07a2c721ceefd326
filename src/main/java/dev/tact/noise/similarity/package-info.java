/**
 * The framework-free near-duplicate algorithms of noise control: text normalisation, MinHash signatures, an
 * LSH index bounded by a time window, and the duplicate rule (similar enough and the same author). See ADR 0012.
 */
package dev.tact.noise.similarity;
