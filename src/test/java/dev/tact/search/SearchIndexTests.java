package dev.tact.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The searchers' reader is reopened by a search that comes after a change, and not during a rebuild. */
class SearchIndexTests {

  @TempDir
  Path folder;

  @Test
  void aSearchSeesWhatWasIndexedBeforeItWithoutAReopeningOfItsOwn() throws IOException {
    try (SearchIndex index = new SearchIndex(Files.createDirectories(folder.resolve("index")))) {
      index.put("a", doc("a"));
      assertThat(found(index, "a")).isOne();
      index.put("b", doc("b"));
      index.remove("a");
      assertThat(found(index, "a")).isZero();
      assertThat(found(index, "b")).isOne();
      assertThat(index.documents()).isOne();
    }
  }

  @Test
  void aRebuildIsShownWhenItIsDoneAndNotHalfWay() throws IOException {
    try (SearchIndex index = new SearchIndex(Files.createDirectories(folder.resolve("index")))) {
      index.put("old", doc("old"));
      assertThat(found(index, "old")).isOne();

      index.holdReader();
      index.removeAll();
      index.add(doc("new"));
      assertThat(found(index, "old")).as("the old index until the rebuild is shown").isOne();
      assertThat(found(index, "new")).isZero();

      index.refresh();
      assertThat(found(index, "old")).isZero();
      assertThat(found(index, "new")).isOne();
      index.put("later", doc("later"));
      assertThat(found(index, "later")).as("searches reopen the reader again after the rebuild").isOne();
    }
  }

  private static int found(SearchIndex index, String id) {
    return index.withSearcher(searcher -> searcher.count(new TermQuery(new Term(SearchFields.ID, id))));
  }

  private static Document doc(String id) {
    Document doc = new Document();
    doc.add(new StringField(SearchFields.ID, id, Field.Store.YES));
    return doc;
  }
}
