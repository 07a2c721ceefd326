package dev.tact.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** The index's field names and how each is analysed. */
final class SearchFields {

  static final String TYPE = "type";
  static final String ID = "id";
  static final String NUMBER = "number";
  static final String SUBJECT = "subject";
  static final String TEXT = "text";
  static final String FULL_TEXT = "fulltext";
  static final String NOTES = "notes";
  static final String TAGS = "tags";
  static final String CONTACT = "contact";
  static final String CONTACT_ID = "contact_id";
  static final String CONTACT_NAME = "contact_name";
  static final String STATUS = "status";
  static final String TEAM = "team";
  static final String ASSIGNEE = "assignee";
  static final String CHANNEL = "channel";
  static final String LAST_AT = "last_at";

  static final String CONVERSATION_TYPE = "conversation";
  static final String CONTACT_TYPE = "contact";

  /** The fields a query's words are looked for in, with their weights. */
  static final Map<String, Float> SEARCHED = Map.of(SUBJECT, 3f, TAGS, 2f, CONTACT, 2f, TEXT, 1f, NOTES, 1f,
      FULL_TEXT, 0.5f);

  /** The order hits' highlights are shown in. */
  static final String[] HIGHLIGHTED = {SUBJECT, TEXT, NOTES, FULL_TEXT, TAGS, CONTACT};

  /** Stored text with offsets in the postings, so highlighting need not analyse the text again. */
  static final FieldType STORED_TEXT = storedTextWithOffsets();

  private SearchFields() {}

  static Analyzer analyzer() {
    Analyzer folded = SearchAnalyzer.folded();
    return new PerFieldAnalyzerWrapper(SearchAnalyzer.stemmed(), Map.of(CONTACT, folded, TAGS, folded));
  }

  private static FieldType storedTextWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
