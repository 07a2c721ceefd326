package dev.tact.search;

import static dev.tact.search.SearchFields.*;

import dev.tact.contact.SearchableContacts.SearchableContact;
import dev.tact.conversation.Direction;
import dev.tact.conversation.SearchableConversations.SearchableConversation;
import dev.tact.conversation.SearchableConversations.SearchableMessage;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/** Lucene documents of a conversation (one, with every message and note) and of a contact. */
final class SearchDocuments {

  private SearchDocuments() {}

  static Document conversation(SearchableConversation c, SearchableContact contact) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, CONVERSATION_TYPE, Field.Store.YES));
    doc.add(new StringField(ID, c.id().toString(), Field.Store.YES));
    doc.add(new StringField(NUMBER, Long.toString(c.number()), Field.Store.YES));
    if (c.subject() != null && !c.subject().isBlank()) {
      doc.add(new Field(SUBJECT, c.subject(), STORED_TEXT));
    }
    for (SearchableMessage m : c.messages()) {
      String field = m.direction() == Direction.NOTE ? NOTES : TEXT;
      doc.add(new Field(field, m.body(), STORED_TEXT));
      if (m.fullBody() != null && !m.fullBody().equals(m.body())) {
        doc.add(new Field(FULL_TEXT, m.fullBody(), STORED_TEXT));
      }
    }
    if (!c.tags().isEmpty()) {
      doc.add(new Field(TAGS, String.join(" · ", c.tags()), STORED_TEXT));
    }
    keyword(doc, CONTACT_ID, c.contactId());
    if (contact != null) {
      doc.add(new Field(CONTACT, contactText(contact), STORED_TEXT));
      doc.add(new StoredField(CONTACT_NAME, contact.name()));
    }
    doc.add(new StringField(STATUS, c.status().name(), Field.Store.YES));
    doc.add(new StringField(CHANNEL, c.channel().name(), Field.Store.YES));
    keyword(doc, TEAM, c.teamId());
    keyword(doc, ASSIGNEE, c.assigneeId());
    long lastAt = c.lastMessageAt().toEpochMilli();
    doc.add(new LongPoint(LAST_AT, lastAt));
    doc.add(new NumericDocValuesField(LAST_AT, lastAt));
    doc.add(new StoredField(LAST_AT, lastAt));
    return doc;
  }

  static Document contact(SearchableContact contact) {
    Document doc = new Document();
    doc.add(new StringField(TYPE, CONTACT_TYPE, Field.Store.YES));
    doc.add(new StringField(ID, contact.id().toString(), Field.Store.YES));
    doc.add(new Field(CONTACT, contactText(contact), STORED_TEXT));
    doc.add(new StoredField(CONTACT_NAME, contact.name()));
    return doc;
  }

  private static String contactText(SearchableContact contact) {
    StringBuilder text = new StringBuilder(contact.name());
    if (contact.organisation() != null && !contact.organisation().isBlank()) {
      text.append(" · ").append(contact.organisation());
    }
    contact.identities().forEach(identity -> text.append(" · ").append(identity));
    return text.toString();
  }

  private static void keyword(Document doc, String field, UUID value) {
    if (value != null) {
      doc.add(new StringField(field, value.toString(), Field.Store.YES));
    }
  }
}
