package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTests {

  @Test
  void shouldRemoveScriptsHandlersAndJavascriptUrlsWhenSanitising() {
    String html = """
        <div onclick="steal()">Hi<script>alert(1)</script>
        <a href="javascript:alert(2)">bad</a> <a href="https://tact.test/ok" onmouseover="x()">good</a>
        <img src="x" onerror="alert(3)"><iframe src="https://evil.test"></iframe>
        <form action="https://evil.test"><input name="p"></form><object data="x.swf"></object>
        <p style="background:url(https://track.test/p.gif)">styled</p><p style="color: red">red</p>
        <style>body { display:none }</style></div>
        """;

    String safe = HtmlSanitizer.sanitize(html, false, cid -> null);

    assertThat(safe).doesNotContainIgnoringCase("script").doesNotContain("onclick").doesNotContain("onerror")
        .doesNotContain("onmouseover").doesNotContain("javascript:").doesNotContain("iframe")
        .doesNotContain("<form").doesNotContain("<input").doesNotContain("object").doesNotContain("url(")
        .doesNotContain("display:none");
    assertThat(safe).contains("href=\"https://tact.test/ok\"").contains("rel=\"noopener noreferrer nofollow\"")
        .contains("target=\"_blank\"").contains("style=\"color: red\"").contains(">good</a>");
  }

  @Test
  void shouldDropClassAttributesSoMailCannotBorrowTheUisStyles() {
    String safe = HtmlSanitizer.sanitize("<p class=\"notice\" style=\"color: red\">Paid</p>", false, cid -> null);

    assertThat(safe).doesNotContain("class=").doesNotContain("notice").contains("color: red").contains("Paid");
  }

  @Test
  void shouldBlockRemoteImagesUnlessAllowedAndMapCidImages() {
    String html = "<p><img src=\"https://track.test/pixel.gif\" alt=\"Logo\"><img src=\"cid:part1@x\"></p>";

    String blocked = HtmlSanitizer.sanitize(html, false, cid -> "/attachments/" + cid);
    String allowed = HtmlSanitizer.sanitize(html, true, cid -> "/attachments/" + cid);

    assertThat(blocked).doesNotContain("track.test").contains("[Logo]").contains("src=\"/attachments/part1@x\"");
    assertThat(allowed).contains("src=\"https://track.test/pixel.gif\"").contains("referrerpolicy=\"no-referrer\"");
  }

  @Test
  void shouldRenderReadableTextWhenConvertingHtml() {
    String html = """
        <html><head><title>T</title><style>p{}</style></head><body>
        <h1>Title</h1><p>First   paragraph<br>second line</p>
        <ol><li>one</li><li>two</li></ol>
        <p><a href="https://tact.test/a">https://tact.test/a</a> and <a href="mailto:x@tact.test">write us</a></p>
        <blockquote><p>quoted</p><blockquote>deeper</blockquote></blockquote>
        <table><tr><td>a</td><td>b</td></tr></table>
        </body></html>
        """;

    assertThat(HtmlText.toText(html)).isEqualTo("""
        Title

        First paragraph
        second line

        1. one
        2. two

        https://tact.test/a and write us <x@tact.test>

        > quoted
        >
        > > deeper

        a\tb""");
  }

  @Test
  void shouldNotOverflowWhenHtmlIsDeeplyNested() {
    String html = "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000);

    assertThat(HtmlText.toText(html)).isEqualTo("deep");
    assertThat(HtmlSanitizer.sanitize(html, false, c -> null)).contains("deep");
  }
}
