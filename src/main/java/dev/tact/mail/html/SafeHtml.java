package dev.tact.mail.html;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes mail HTML safe to show inside Tact's pages: an allow-list of formatting elements and attributes (no
 * scripts, event handlers, forms, frames, objects, style blocks, no class attributes that could borrow the
 * page's own styles), style attributes only without url(),
 * expression() or imports, links opened in a new tab without referrer, remote images blocked unless allowed,
 * cid: images mapped to Tact URLs.
 */
public final class SafeHtml {

  private static final Pattern DANGEROUS_STYLE = Pattern.compile(
      "url\\s*\\(|expression\\s*\\(|@import|javascript:|behavior\\s*:|-moz-binding|\\\\", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMAGE_DATA = Pattern.compile("^data:image/(png|gif|jpe?g|webp|bmp);base64,[A-Za-z0-9+/=\\s]+$",
      Pattern.CASE_INSENSITIVE);

  private static final Safelist SAFELIST = Safelist.relaxed()
      .addTags("center", "font", "hr", "span", "div", "small", "big", "s", "strike", "del", "ins", "abbr", "address")
      .addAttributes(":all", "style", "dir", "align", "valign", "title", "lang", "width", "height",
          "bgcolor", "color")
      .addAttributes("font", "face", "size")
      .addAttributes("table", "border", "cellpadding", "cellspacing")
      .addAttributes("td", "nowrap")
      .addAttributes("img", "border")
      .addProtocols("img", "src", "http", "https", "cid", "data")
      .addProtocols("a", "href", "http", "https", "mailto", "tel")
      .preserveRelativeLinks(false);

  private SafeHtml() {
  }

  /** The sanitised body HTML (a fragment). */
  public static String sanitize(String html, boolean allowRemoteImages, Function<String, String> cidToUrl) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document dirty = Jsoup.parse(html);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    for (Element element : clean.body().getAllElements()) {
      String style = element.attr("style");
      if (!style.isEmpty() && DANGEROUS_STYLE.matcher(style).find()) {
        element.removeAttr("style");
      }
    }
    for (Element link : clean.body().select("a")) {
      if (link.hasAttr("href")) {
        link.attr("target", "_blank").attr("rel", "noopener noreferrer nofollow");
      }
    }
    for (Element image : clean.body().select("img")) {
      fixImage(image, allowRemoteImages, cidToUrl);
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  private static void fixImage(Element image, boolean allowRemoteImages, Function<String, String> cidToUrl) {
    String src = image.attr("src").strip();
    String lower = src.toLowerCase(Locale.ROOT);
    if (lower.startsWith("cid:")) {
      String url = cidToUrl == null ? null : cidToUrl.apply(src.substring(4).replaceAll("^<|>$", ""));
      if (url != null && isSafeLocalUrl(url)) {
        image.attr("src", url);
        return;
      }
    } else if (lower.startsWith("data:") && IMAGE_DATA.matcher(src).matches()) {
      return;
    } else if ((lower.startsWith("http:") || lower.startsWith("https:")) && allowRemoteImages) {
      image.attr("referrerpolicy", "no-referrer");
      return;
    } else if (lower.startsWith("http:") || lower.startsWith("https:")) {
      image.replaceWith(placeholder(image, "remote image blocked"));
      return;
    }
    image.replaceWith(placeholder(image, "image"));
  }

  private static boolean isSafeLocalUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("/") && !lower.startsWith("//") || lower.startsWith("https:") || lower.startsWith("http:");
  }

  private static Element placeholder(Element image, String what) {
    String alt = image.attr("alt").strip();
    Element span = new Element("span").attr("class", "tact-blocked-image").attr("title", what);
    span.text(alt.isEmpty() ? "[" + what + "]" : "[" + alt + "]");
    return span;
  }
}
