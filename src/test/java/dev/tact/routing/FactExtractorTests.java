package dev.tact.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.routing.Fact.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactExtractorTests {

  private final FactExtractor extractor = new FactExtractor();

  private List<Fact> facts(String text, String... products) {
    return extractor.extract(List.of(text), List.of(products));
  }

  @Test
  void shouldReadWhatAResellerToldAboutAnOrderInOneMessage() {
    List<Fact> facts = facts("""
        Hello, we are a reseller (account number ACME-2231). Our order #PO-48213 from 7 October 2011 arrived with
        two Router X2 instead of three, and invoice INV-2011-0815 charges €1,299.00 for three. Please call me on
        +49 30 1234567 or write to jane.doe@acme-reseller.example.
        Best regards, Jane""", "Router X2", "Cloud Backup");
    assertThat(facts).containsExactly(
        new Fact(Kind.ORDER, "PO-48213"),
        new Fact(Kind.INVOICE, "INV-2011-0815"),
        new Fact(Kind.ACCOUNT, "ACME-2231"),
        new Fact(Kind.AMOUNT, "€1,299.00"),
        new Fact(Kind.DATE, "7 October 2011"),
        new Fact(Kind.EMAIL, "jane.doe@acme-reseller.example"),
        new Fact(Kind.PHONE, "+49 30 1234567"),
        new Fact(Kind.PRODUCT, "Router X2"));
  }

  @Test
  void shouldReadGermanAndFrenchLabels() {
    List<Fact> facts = facts("""
        Guten Tag, meine Kundennummer ist 884213 und die Rechnung Nr. 2024/118 vom 03.02.2024 über 49,90 EUR
        stimmt nicht. Bestellnummer: 55-10293. Telefon: 030 9876543""");
    assertThat(facts).contains(new Fact(Kind.ACCOUNT, "884213"), new Fact(Kind.INVOICE, "2024/118"),
        new Fact(Kind.DATE, "03.02.2024"), new Fact(Kind.AMOUNT, "49,90 EUR"), new Fact(Kind.ORDER, "55-10293"),
        new Fact(Kind.PHONE, "030 9876543"));
    assertThat(facts("Bonjour, ma commande n° 77812 du 12 mars n'est pas arrivée, facture FA-2203 payée 120 €."))
        .contains(new Fact(Kind.ORDER, "77812"), new Fact(Kind.INVOICE, "FA-2203"), new Fact(Kind.DATE, "12 mars"),
            new Fact(Kind.AMOUNT, "120 €"));
  }

  @Test
  void shouldNotTakeWordsAfterOrderForNumbersNorDatesForPhoneNumbers() {
    List<Fact> facts = facts("My order is late since 2024-05-01 and the invoice never came. Date: 01/05/2024.");
    assertThat(facts).extracting(Fact::kind).containsOnly(Kind.DATE);
    assertThat(facts).containsExactly(new Fact(Kind.DATE, "2024-05-01"), new Fact(Kind.DATE, "01/05/2024"));
  }

  @Test
  void shouldReadEachFactOnceAcrossMessages() {
    List<Fact> facts = extractor.extract(List.of("Order 123456 is missing", "Any news on order 123456? $40 paid",
        "I paid $40 on May 3rd"), List.of());
    assertThat(facts).containsExactly(new Fact(Kind.ORDER, "123456"), new Fact(Kind.AMOUNT, "$40"),
        new Fact(Kind.DATE, "May 3rd"));
  }

  @Test
  void shouldFindProductsAsWholeWordsInAnyCase() {
    assertThat(facts("the cloud backup stopped; not the Cloud Backups Pro", "Cloud Backup", "Backups Pro X"))
        .containsExactly(new Fact(Kind.PRODUCT, "Cloud Backup"));
    assertThat(facts("We use CloudBackup", "Cloud Backup")).isEmpty();
  }

  @Test
  void shouldAcceptOddInputWithoutFailing() {
    assertThat(extractor.extract(java.util.Arrays.asList(null, "", "€", "+", "order #"), List.of(""))).isEmpty();
    assertThat(facts("1".repeat(100_000))).doesNotContain(new Fact(Kind.PHONE, "1".repeat(100_000)));
  }

  @Test
  void shouldReadAPastedRunOfNumbersOrDotsWithoutTakingItForAnAmountOrAnAddress() {
    // each of these once took the extractor seconds (a pattern tried from every position to the end of the run)
    assertThat(facts("1,".repeat(5_000) + "5 EUR")).extracting(Fact::value).allMatch(value -> value.length() <= 40);
    assertThat(facts("a.".repeat(5_000) + "b@example.com")).noneMatch(fact -> fact.kind() == Kind.EMAIL);
    assertThat(facts("Pasted: " + "1,".repeat(5_000) + " and mail jane.doe+shop@example.com about EUR 12"))
        .contains(new Fact(Kind.EMAIL, "jane.doe+shop@example.com"));
  }

  @Test
  void shouldReadALabelFollowedByAPastedRunOfSpacesOrNumberWordsWithoutGivingUp() {
    // a label followed by such a run once took the extractor seconds to minutes, or overflowed its stack
    String spaces = " ".repeat(2_000);
    assertThat(facts("Invoice" + spaces + "x. Order" + spaces + "x. Phone" + spaces + "x. Account" + " no".repeat(4_000)
        + " x. Invoice no. INV-2024-77, call me on +49 30 1234567"))
        .containsExactly(new Fact(Kind.INVOICE, "INV-2024-77"), new Fact(Kind.PHONE, "+49 30 1234567"));
  }
}
