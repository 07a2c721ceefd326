package dev.tact.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text becomes terms, the same when indexing and when searching: words (Unicode word breaks), lower-cased,
 * folded to ASCII ("Siobhán" and "siobhan" are one term, "Müller" and "muller"), and with {@code stemmed} the
 * English stem ("refunds", "refunded" and "refunding" find each other). Stop words are kept: short queries such as
 * "not working" should mean what they say. Stems are English only for now; other languages are matched by their
 * folded words.
 */
final class SearchAnalyzer extends Analyzer {

  private final boolean stemmed;

  private SearchAnalyzer(boolean stemmed) {
    this.stemmed = stemmed;
  }

  /** Words folded and stemmed: text fields. */
  static SearchAnalyzer stemmed() {
    return new SearchAnalyzer(true);
  }

  /** Words folded, not stemmed: names and identities ("Harris" is no "Harri"). */
  static SearchAnalyzer folded() {
    return new SearchAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setMaxTokenLength(100);
    TokenStream stream = new LowerCaseFilter(tokenizer);
    stream = new ASCIIFoldingFilter(stream);
    if (stemmed) {
      stream = new EnglishPossessiveFilter(stream);
      stream = new PorterStemFilter(stream);
    }
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
