package dev.tact.policy;

/**
 * Why Tact contacts someone. TRANSACTIONAL covers answers, incident notices and receipts about their own case;
 * MARKETING covers sales and promotion; SURVEY is the satisfaction survey after a solved conversation, with manners
 * of its own (at most one per contact per 30 days, never after an opt-out, never during an open incident that affects
 * them). Support contact never makes anyone a marketing target.
 */
public enum Purpose {
  TRANSACTIONAL,
  MARKETING,
  SURVEY
}
