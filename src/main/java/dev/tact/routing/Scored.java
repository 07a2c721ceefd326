package dev.tact.routing;

/**
 * One intent and the model's probability for it.
 *
 * @param intent the intent's name
 * @param probability in [0, 1]; over all intents of a model they sum to 1
 */
public record Scored(String intent, double probability) {
}
