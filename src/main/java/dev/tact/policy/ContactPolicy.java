package dev.tact.policy;

/** Decides one outbound contact from the facts about the contact. Implementations are pure and thread-safe. */
public interface ContactPolicy {

  Decision decide(DecisionRequest request, PolicyFacts facts);
}
