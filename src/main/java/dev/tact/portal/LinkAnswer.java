package dev.tact.portal;

/**
 * What the portal tells whoever asked for a sign-in link. The same whether or not the address is known: nobody learns
 * from it who writes to us.
 */
public enum LinkAnswer {
  /** If the address is one of ours, a link is on its way by email. */
  EMAILED,
  /** If the number is one of ours, a link is on its way by text. */
  TEXTED,
  /** No SMS way out is configured: links can only be sent by email. Nothing was sent. */
  EMAIL_ONLY
}
