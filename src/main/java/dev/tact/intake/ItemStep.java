package dev.tact.intake;

/**
 * One step of the road in, for one item at a time, in the order the items were claimed: a step whose decision
 * depends on what the steps before it filed for earlier items (threading, noise, filing) is an item step.
 */
interface ItemStep {

  Next apply(InboundContext context);
}
