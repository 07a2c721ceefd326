package dev.tact.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTests {

  @Test
  void foldsAccentsAndCaseSoThatSiobhanFindsSiobhan() throws IOException {
    assertThat(terms(SearchAnalyzer.folded(), "Siobhán Ó Súilleabháin")).containsExactly("siobhan", "o",
        "suilleabhain");
    assertThat(terms(SearchAnalyzer.folded(), "SIOBHAN")).containsExactly("siobhan");
    assertThat(terms(SearchAnalyzer.stemmed(), "Müller Straße")).containsExactly("muller", "strass");
  }

  @Test
  void stemsEnglishWordsToOneTerm() throws IOException {
    List<String> forms = terms(SearchAnalyzer.stemmed(), "refund refunds refunded refunding");
    assertThat(forms).hasSize(4).containsOnly("refund");
    assertThat(terms(SearchAnalyzer.stemmed(), "the customer's invoices")).containsExactly("the", "custom",
        "invoic");
  }

  @Test
  void keepsNamesUnstemmed() throws IOException {
    assertThat(terms(SearchAnalyzer.folded(), "Harris Jones")).containsExactly("harris", "jones");
    assertThat(terms(SearchAnalyzer.stemmed(), "Harris Jones")).doesNotContain("harris");
  }

  @Test
  void splitsEmailAddressesAndKeepsPhoneDigits() throws IOException {
    assertThat(terms(SearchAnalyzer.folded(), "siobhan.murphy@example.ie +353 86 123 4567"))
        .contains("siobhan.murphy", "example.ie", "353");
  }

  @Test
  void analysesTheQueryTheSameWayAsTheText() throws IOException {
    assertThat(terms(SearchAnalyzer.stemmed(), "Refunded")).isEqualTo(terms(SearchAnalyzer.stemmed(), "refunds"));
    assertThat(terms(SearchAnalyzer.stemmed(), "café")).isEqualTo(terms(SearchAnalyzer.stemmed(), "CAFE"));
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
