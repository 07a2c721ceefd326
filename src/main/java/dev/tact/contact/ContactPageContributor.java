package dev.tact.contact;

import java.util.Map;

/**
 * What another module shows on a contact's page: it adds the model attributes its parts of the template read (the
 * contact's conversations, consent ledger, contact history, whereabouts). The contact module owns the page; the
 * modules that know more about a contact depend on contact, never the other way round.
 */
public interface ContactPageContributor {

  /**
   * The contact shown, and the contact an agent is about to merge into it (null unless the merge confirmation is
   * shown).
   */
  void contribute(Contact contact, Contact mergeCandidate, Map<String, Object> model);
}
