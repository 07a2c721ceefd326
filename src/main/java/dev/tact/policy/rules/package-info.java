/**
 * The contact policy's rules and their engine, without Spring: each {@link dev.tact.policy.rules.Rule} votes
 * allow, defer until an instant, deny or abstain with a reason in words; {@link dev.tact.policy.rules.RuleBook}
 * lists the active ones in one place; {@link dev.tact.policy.rules.RuleBasedContactPolicy} combines the votes.
 */
package dev.tact.policy.rules;
