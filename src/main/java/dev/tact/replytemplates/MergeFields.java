package dev.tact.replytemplates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The merge fields a template may use, written {@code {{contact.family_name}}}, and what each one is. Values come
 * from the record as stored: names are never case-folded, shortened or transliterated. {@code field.<label>} is a
 * value the customer gave under a label (a web form's "Order number").
 */
public final class MergeFields {

  /** Field name → what it holds, in the order the help lists them. */
  public static final Map<String, String> KNOWN = known();

  /** Prefix of the fields named after a label the customer filled in. */
  public static final String GIVEN_PREFIX = "field.";

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private MergeFields() {
  }

  private static Map<String, String> known() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("contact.given_name", "the contact's given name, as stored");
    fields.put("contact.family_name", "the contact's family name, as stored");
    fields.put("contact.name", "the contact's display name (or given and family name)");
    fields.put("contact.organisation", "the contact's organisation");
    fields.put("customer.since", "customer since (date)");
    fields.put("customer.tenure", "how long they have been a customer (\"7 years\")");
    fields.put("customer.plan", "their plan, in the company's words");
    fields.put("customer.tier", "their customer tier");
    fields.put("conversation.number", "the conversation's number");
    fields.put("conversation.subject", "the conversation's subject");
    fields.put("facts.order", "order numbers from the conversation's facts");
    fields.put("facts.invoice", "invoice numbers from the conversation's facts");
    fields.put("facts.account", "account numbers from the conversation's facts");
    fields.put("facts.product", "products named in the conversation");
    fields.put("agent.name", "your name, as staff see it");
    fields.put(GIVEN_PREFIX + "<label>", "a value the customer gave under that label, e.g. field.Order number");
    return java.util.Collections.unmodifiableMap(fields);
  }

  /** True for a field this version knows (a {@code field.<label>} of any label counts). */
  public static boolean known(String field) {
    return KNOWN.containsKey(field) && !field.endsWith("<label>")
        || field.startsWith(GIVEN_PREFIX) && field.length() > GIVEN_PREFIX.length();
  }
}
