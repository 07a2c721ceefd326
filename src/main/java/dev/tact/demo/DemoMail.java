package dev.tact.demo;

import java.nio.charset.StandardCharsets;

/** The demo's one raw email: a customer's answer with a quoted reply, a signature, HTML and an attachment. */
final class DemoMail {

  private DemoMail() {}

  static byte[] answerTo(String replyMessageId) {
    String mime = """
        From: =?UTF-8?Q?Siobh=C3=A1n_N=C3=AD_Bhriain?= <billing@acme-reseller.example>
        To: billing@tact.localhost
        Subject: Re: Invoice 2231 charged twice
        Message-ID: <demo-answer-2231@acme-reseller.example>
        In-Reply-To: <%1$s>
        References: <%1$s>
        Date: Mon, 23 Nov 2026 10:42:00 +0000
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Thank you, Bo! I attach the statement line for your records.

        Siobhán
        --\s
        Siobhán Ní Bhriain · Accounts, ACME Reseller

        On Mon, 23 Nov 2026 at 10:15, Bo Billing <billing@tact.localhost> wrote:
        > Dear Siobhán, thank you for telling us. The second charge is refunded;
        > you will see it within 3 days.
        --inner
        Content-Type: text/html; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        <html><body><p>Thank you, <b>Bo</b>! I attach the statement line for your records.</p>
        <p>Siobhán</p><script>alert('demo')</script><img src="https://tracker.example/open.gif">
        <blockquote>Dear Siobhán, thank you for telling us. The second charge is refunded;
        you will see it within 3 days.</blockquote></body></html>
        --inner--
        --outer
        Content-Type: text/csv; name="statement-2231.csv"
        Content-Disposition: attachment; filename="statement-2231.csv"
        Content-Transfer-Encoding: 8bit

        date,reference,amount
        2026-11-20,INV-2231,-49.00
        2026-11-20,INV-2231,-49.00
        --outer--
        """.formatted(replyMessageId);
    return mime.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
