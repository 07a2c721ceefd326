package dev.tact.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.delivery.unsubscribe.ListUnsubscribeHeaders;
import dev.tact.delivery.unsubscribe.UnsubscribeLinks;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRecord;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.testsupport.TactTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one-click unsubscribe endpoint over real HTTP, without login, cookies or CSRF token. */
@TactTest
class UnsubscribeIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  UnsubscribeLinks links;

  @Autowired
  ConsentLedger ledger;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRecordTheOptOutOnceWhenTheOneClickPostComesTwice() throws Exception {
    UUID contact = newContact();
    String path = pathOf(links.headers(contact, Purpose.MARKETING));

    HttpResponse<String> first = post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", "*/*");
    HttpResponse<String> again = post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", "*/*");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    List<ConsentRecord> lines = ledger.ledgerOf(contact);
    assertThat(lines).hasSize(1);
    ConsentEntry optOut = lines.getFirst().entry();
    assertThat(optOut.kind()).isEqualTo(ConsentEntry.Kind.OPT_OUT);
    assertThat(optOut.channel()).isEqualTo(Channel.EMAIL);
    assertThat(optOut.purpose()).isEqualTo(Purpose.MARKETING);
    assertThat(optOut.source()).isEqualTo("one-click unsubscribe");
    assertThat(optOut.evidence()).contains("RFC 8058");
  }

  @Test
  void shouldAcceptTheOneClickPostAsMultipartFormData() throws Exception {
    UUID contact = newContact();
    String path = pathOf(links.headers(contact, Purpose.MARKETING));
    String body = "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";

    HttpResponse<String> response = post(path, "multipart/form-data; boundary=b1", body, "*/*");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ledger.ledgerOf(contact)).hasSize(1);
  }

  @Test
  void shouldOnlyShowAConfirmationPageOnGet() throws Exception {
    UUID contact = newContact();
    String path = pathOf(links.headers(contact, Purpose.MARKETING));

    HttpResponse<String> page = http.send(HttpRequest.newBuilder(url(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Unsubscribe?").contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
    assertThat(ledger.ledgerOf(contact)).isEmpty();
  }

  @Test
  void shouldRecordNothingForAnAlteredTokenAndExplainWhy() throws Exception {
    UUID contact = newContact();
    String path = pathOf(links.headers(contact, Purpose.MARKETING));
    String altered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");

    HttpResponse<String> json = post(altered, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click",
        "application/json");
    HttpResponse<String> html = post(altered, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click",
        "text/html");
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/unsubscribe/nonsense")).header("Accept", "text/html")
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    assertThat(json.body()).contains("\"code\":\"invalid-unsubscribe-token\"");
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(html.body()).contains("This unsubscribe link is not valid");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("This unsubscribe link is not valid");
    assertThat(ledger.ledgerOf(contact)).isEmpty();
  }

  @Test
  void shouldRecordNothingForAPostWithoutTheOneClickField() throws Exception {
    UUID contact = newContact();
    String path = pathOf(links.headers(contact, Purpose.MARKETING));

    HttpResponse<String> response = post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=Maybe",
        "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":\"not-one-click\"");
    assertThat(ledger.ledgerOf(contact)).isEmpty();
  }

  UUID newContact() {
    return contacts.resolve(identities.parse("reader-" + UUID.randomUUID() + "@example.org"),
        new ContactNames(null, null, null)).id();
  }

  static String pathOf(ListUnsubscribeHeaders headers) {
    assertThat(headers.url()).startsWith("http://unused.example/unsubscribe/");
    return headers.url().substring("http://unused.example".length());
  }

  HttpResponse<String> post(String path, String contentType, String body, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType).header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
