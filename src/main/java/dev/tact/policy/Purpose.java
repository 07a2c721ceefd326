package dev.tact.policy;

/**
 * Why Tact contacts someone. TRANSACTIONAL covers answers, incident notices, receipts and
 * surveys about their own case; MARKETING covers sales and promotion. Support contact never
 * makes anyone a marketing target.
 */
public enum Purpose {
  TRANSACTIONAL,
  MARKETING
}
