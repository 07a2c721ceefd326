package dev.tact.search;

import static dev.tact.search.SearchFields.*;

import dev.tact.conversation.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.stereotype.Service;

/**
 * Searches this node's index. Every word must be found (in any of the searched fields); a number, with or without
 * {@code #}, also finds the conversation with that number. Every signed-in agent may see every conversation (as in
 * the inbox), so hits are not narrowed by team or role.
 */
@Service
public class ConversationSearch {

  private static final Pattern NUMBER_QUERY = Pattern.compile("#?(\\d{1,18})");
  private static final Map<String, String> FIELD_LABELS = Map.of(SUBJECT, "subject", TEXT, "message", NOTES, "note",
      FULL_TEXT, "quoted text", TAGS, "tags", CONTACT, "contact");

  private final SearchIndexer indexer;

  ConversationSearch(SearchIndexer indexer) {
    this.indexer = indexer;
  }

  public SearchResults search(SearchRequest request) {
    Query query = query(request);
    return indexer.index().withSearcher(searcher -> {
      TopDocs top = searcher.search(query, request.limit());
      return new SearchResults(top.totalHits.value(), hits(searcher, query, top));
    });
  }

  Query query(SearchRequest request) {
    SimpleQueryParser parser = new SimpleQueryParser(indexer.index().analyzer(), SEARCHED);
    parser.setDefaultOperator(Occur.MUST);
    Query words = parser.parse(request.text());
    BooleanQuery.Builder found = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    found.add(words == null ? new MatchNoDocsQuery() : words, Occur.SHOULD);
    var number = NUMBER_QUERY.matcher(request.text());
    if (number.matches()) {
      found.add(new BoostQuery(new TermQuery(new Term(NUMBER, Long.toString(Long.parseLong(number.group(1))))), 10f),
          Occur.SHOULD);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(found.build(), Occur.MUST);
    if (request.filtered()) {
      query.add(new TermQuery(new Term(TYPE, CONVERSATION_TYPE)), Occur.FILTER);
    }
    if (!request.statuses().isEmpty()) {
      BooleanQuery.Builder statuses = new BooleanQuery.Builder();
      for (Status status : request.statuses()) {
        statuses.add(new TermQuery(new Term(STATUS, status.name())), Occur.SHOULD);
      }
      query.add(statuses.build(), Occur.FILTER);
    }
    filter(query, TEAM, request.teamId());
    filter(query, ASSIGNEE, request.assigneeId());
    if (request.channel() != null) {
      query.add(new TermQuery(new Term(CHANNEL, request.channel().name())), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(LAST_AT, from, to), Occur.FILTER);
    }
    return query.build();
  }

  private static void filter(BooleanQuery.Builder query, String field, UUID value) {
    if (value != null) {
      query.add(new TermQuery(new Term(field, value.toString())), Occur.FILTER);
    }
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
    if (top.scoreDocs.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexer.index().analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(100_000)
        // a field without the words gets no passages (the default summarises it, only for the summary to be dropped)
        .withMaxNoHighlightPassages(0).build();
    int[] passages = new int[HIGHLIGHTED.length];
    java.util.Arrays.fill(passages, 2);
    Map<String, String[]> highlights = highlighter.highlightFields(HIGHLIGHTED, query, top, passages);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc scoreDoc = top.scoreDocs[i];
      Document doc = stored.document(scoreDoc.doc);
      List<SearchHit.Highlight> shown = new ArrayList<>();
      for (String field : HIGHLIGHTED) {
        String passage = highlights.get(field)[i];
        if (passage != null && passage.contains("<mark>") && shown.size() < 3) {
          shown.add(new SearchHit.Highlight(FIELD_LABELS.get(field), passage));
        }
      }
      hits.add(hit(doc, shown));
    }
    return hits;
  }

  private static SearchHit hit(Document doc, List<SearchHit.Highlight> highlights) {
    UUID id = UUID.fromString(doc.get(ID));
    if (CONTACT_TYPE.equals(doc.get(TYPE))) {
      return new SearchHit(SearchHit.Kind.CONTACT, id, null, null, null, null, null, null, id, doc.get(CONTACT_NAME),
          null, highlights);
    }
    IndexableField lastAt = doc.getField(LAST_AT);
    return new SearchHit(SearchHit.Kind.CONVERSATION, id, Long.parseLong(doc.get(NUMBER)), doc.get(SUBJECT),
        doc.get(STATUS), doc.get(CHANNEL), uuid(doc.get(TEAM)), uuid(doc.get(ASSIGNEE)), uuid(doc.get(CONTACT_ID)),
        doc.get(CONTACT_NAME), lastAt == null ? null : Instant.ofEpochMilli(lastAt.numericValue().longValue()),
        highlights);
  }

  private static UUID uuid(String value) {
    return value == null ? null : UUID.fromString(value);
  }
}
