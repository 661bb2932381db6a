// Unit tests for html_text.hpp: the article text and title of saved news pages, the character set
// they are decoded from, and the sniffing of HTML among other inputs.
#include "comention/html_text.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "comention/error.hpp"
#include "comention/text.hpp"
#include "test_support.hpp"

namespace {

using comention::extract_html_text;
using comention::HtmlText;
using comention::looks_like_html;

using comention::testing::contains;

HtmlText extract(std::string_view page, std::string_view hint = "") {
  return extract_html_text(page, hint, "page.html");
}

// A news page as a site serves it: the story in <article>, and around it everything that is not
// the story, each part naming countries so that any leak shows in the text.
constexpr std::string_view kNewsPage = R"(<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
  <meta charset="utf-8">
  <title>
    Grain corridor talks resume   in Istanbul &amp; Ankara | The Daily Ledger
  </title>
  <script>
    window.__STATE__ = {"edition": "Brazil", "related": ["Mexico", "Peru"]};
  </script>
  <style>.byline::before { content: "Canada"; }</style>
</head>
<body class="article-page cookie-consent-pending">
  <div id="cookie-banner" class="banner">
    <p>We use cookies. Readers in Norway and Iceland may opt out.</p>
    <button>Accept all</button>
  </div>
  <header class="site-header">
    <a href="/">The Daily Ledger</a>
    <nav><ul><li><a href="/world/japan">Japan</a></li><li><a href="/world/chile">Chile</a></li></ul></nav>
  </header>
  <nav aria-label="Sections"><a href="/argentina">Argentina</a> <a href="/egypt">Egypt</a></nav>
  <main>
    <article>
      <header>
        <h1>Grain corridor talks
            resume in Istanbul</h1>
        <p class="byline">By a staff writer</p>
      </header>
      <p>Negotiators from Ukraine &amp; Russia met on Tuesday, with Turkey
         and the United Nations as hosts.</p>
      <p>China&#8217;s envoy&nbsp;said the <em>shipments</em> should
         <a href="/wto">continue</a>.</p>
      <div hidden>Correction pending: Moldova</div>
      <div style="DISPLAY: none">Subscriber note: Georgia</div>
      <span aria-hidden="true">Icon: Armenia</span>
      <ul>
        <li>Ports: Odesa, Chornomorsk</li>
        <li>  Next round: in two weeks  </li>
      </ul>
      <script>track("Sweden");</script>
      <aside class="related"><h2>Related stories</h2><a href="/x">India raises rice exports</a></aside>
      <p>Officials in Brussels welcomed the talks.<br>The EU said it would watch closely.<br><br>Egypt
         and Lebanon depend on the grain.</p>
    </article>
  </main>
  <aside><h2>Most read</h2><ol><li>Kenya election</li><li>Fiji storm</li></ol></aside>
  <footer><p>&copy; The Daily Ledger. Offices in Ireland and Portugal.</p></footer>
  <div role="dialog" class="newsletter"><p>Sign up for news from Spain</p></div>
  <noscript><p>Enable scripts to read about Italy</p></noscript>
  <template><p>Greece</p></template>
  <iframe src="https://ads.example/?q=Poland"></iframe>
</body>
</html>
)";

TEST_CASE("html_text: a news page gives its article's text, paragraph by paragraph") {
  const HtmlText page = extract(kNewsPage);
  CHECK(page.title == "Grain corridor talks resume in Istanbul & Ankara | The Daily Ledger");
  CHECK(page.charset == "UTF-8");
  CHECK(page.text ==
        "Grain corridor talks resume in Istanbul\n\n"
        "By a staff writer\n\n"
        "Negotiators from Ukraine & Russia met on Tuesday, with Turkey and the United Nations as hosts.\n\n"
        "China\u2019s envoy said the shipments should continue.\n\n"
        "Ports: Odesa, Chornomorsk\n\n"
        "Next round: in two weeks\n\n"
        "Officials in Brussels welcomed the talks.\n"
        "The EU said it would watch closely.\n\n"
        "Egypt and Lebanon depend on the grain.");
}

TEST_CASE("html_text: nothing from menus, scripts, banners, asides, footers or hidden parts leaks") {
  const HtmlText page = extract(kNewsPage);
  for (const std::string_view leaked :
       {"Brazil", "Mexico", "Canada", "Norway", "Accept", "Daily Ledger", "Japan", "Chile", "Argentina",
        "Moldova", "Georgia", "Armenia", "Sweden", "India", "Related", "Kenya", "Fiji", "Ireland", "Spain",
        "Italy", "Greece", "Poland", "\xC2\xA0"}) {
    CAPTURE(leaked);
    CHECK_FALSE(contains(page.text, leaked));
  }
  CHECK_FALSE(contains(page.text, "\n\n\n"));
  CHECK_FALSE(contains(page.text, "  "));
  CHECK_FALSE(contains(page.text, " \n"));
  CHECK_FALSE(contains(page.text, "\n "));
}

TEST_CASE("html_text: without <article> or <main> the body's visible text is read") {
  const HtmlText page = extract(
      "<html><head><title>Brief</title></head><body>"
      "<nav>Home | World | Asia</nav>"
      "<div class=story><h2>Summit ends</h2><p>Leaders of Ghana and Togo signed a trade pact.</p></div>"
      "<table><tr><td>Ghana</td><td>+2.1%</td></tr><tr><th>Togo</th><td>+1.4%</td></tr></table>"
      "<footer>Contact us</footer></body></html>");
  CHECK(page.title == "Brief");
  CHECK(page.text ==
        "Summit ends\n\nLeaders of Ghana and Togo signed a trade pact.\n\n"
        "Ghana\n\n+2.1%\n\nTogo\n\n+1.4%");
}

TEST_CASE("html_text: an <article> holding a small part of the body is a teaser; the body is read") {
  std::string story;
  for (int i = 0; i < 6; ++i) story += "<p>Delegates from Peru and Bolivia discussed water rights at length.</p>";
  const std::string page_html = "<html><body><article><p>Also: Chile votes.</p></article><div>" + story +
                                "</div></body></html>";
  const HtmlText page = extract(page_html);
  CHECK(contains(page.text, "Also: Chile votes.\n\nDelegates from Peru"));
  CHECK(page.text.size() > 6 * 60);

  // Enough text in the <article>: the rest of the body is left out.
  const std::string story_page = "<html><body><p>Breaking: Chile votes.</p><article>" + story +
                                 "</article></body></html>";
  const HtmlText in_article = extract(story_page);
  CHECK_FALSE(contains(in_article.text, "Chile"));
  CHECK(in_article.text.rfind("Delegates from Peru", 0) == 0);
}

TEST_CASE("html_text: an <article> inside a left-out part is not the content root") {
  const HtmlText page = extract(
      "<body><aside><article><p>Teaser about Nepal</p></article></aside>"
      "<div><p>Floods reached Bangladesh on Monday.</p></div></body>");
  CHECK(page.text == "Floods reached Bangladesh on Monday.");
}

TEST_CASE("html_text: the title falls back to the first visible <h1>") {
  const HtmlText page = extract(
      "<body><nav><h1>Site name</h1></nav><article><h1>Qatar hosts <i>mediation</i> round</h1>"
      "<p>Text.</p></article></body>");
  CHECK(page.title == "Qatar hosts mediation round");
  CHECK(extract("<p>No heading at all</p>").title.empty());
}

TEST_CASE("html_text: two <br> in a row break the paragraph, one breaks the line") {
  CHECK(extract("<p>one<br>two<br/><br>three<br> <br>four</p>").text == "one\ntwo\n\nthree\n\nfour");
  CHECK(extract("<p><br>lead</p><p>tail<br></p>").text == "lead\n\ntail");
}

TEST_CASE("html_text: <pre> keeps its lines") {
  CHECK(extract("<pre>line one\nline  two</pre><p>after</p>").text == "line one\nline two\n\nafter");
}

TEST_CASE("html_text: broken markup is read as a browser reads it") {
  const HtmlText page = extract(
      "<html><head><title>Unclosed <b>tags</title><body><div><p>Iran and Iraq <b>agreed<p>Oman "
      "<i>mediated</div><li>item one<li>item two<table><td>cell</body>");
  CHECK(page.title == "Unclosed <b>tags");  // <title> holds text only: the tag is its text
  CHECK(page.text == "Iran and Iraq agreed\n\nOman mediated\n\nitem one\n\nitem two\n\ncell");
  CHECK_FALSE(comention::find_invalid_utf8(page.text));
}

TEST_CASE("html_text: a page declared windows-1252 by <meta> is decoded from it") {
  // 0x92 is windows-1252's right single quotation mark, 0xE9 é.
  const HtmlText page = extract(
      "<!doctype html><html><head><meta charset=\"windows-1252\"><title>Caf\xE9 talks</title></head>"
      "<body><p>France\x92s minister visited Cura\xE7" "ao and Abidjan (C\xF4te d\x92Ivoire).</p></body></html>");
  CHECK(page.charset == "windows-1252");
  CHECK(page.title == "Caf\u00E9 talks");
  CHECK(page.text == "France\u2019s minister visited Cura\u00E7ao and Abidjan (C\u00F4te d\u2019Ivoire).");
}

TEST_CASE("html_text: <meta http-equiv=Content-Type> names the charset too") {
  const HtmlText page = extract(
      "<html><head><!-- <meta charset=\"koi8-r\"> in a comment does not count -->"
      "<meta name=description content=\"charset=koi8-r is not this\">"
      "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\"></head>"
      "<body><p>S\xE3o Tom\xE9</p></body></html>");
  CHECK(page.charset == "windows-1252");
  CHECK(page.text == "S\u00E3o Tom\u00E9");
}

TEST_CASE("html_text: the hint names the charset of a page that does not") {
  const std::string latin1 = "<p>Z\xFCrich and M\xFCnchen, \xBD price; \x80 5</p>";
  const HtmlText page = extract(latin1, "ISO-8859-1");
  // ISO-8859-1 is read as windows-1252, as browsers read it: 0x80 is the euro sign.
  CHECK(page.charset == "windows-1252");
  CHECK(page.text == "Z\u00FCrich and M\u00FCnchen, \u00BD price; \u20AC 5");

  // The hint wins over the page's own <meta>.
  const HtmlText hinted = extract("<meta charset=utf-8><p>Gda\xF1sk</p>", "iso-8859-2");
  CHECK(hinted.charset == "ISO-8859-2");
  CHECK(hinted.text == "Gda\u0144sk");
}

TEST_CASE("html_text: a byte order mark wins over everything") {
  // UTF-16LE with its BOM, saying windows-1252 in its <meta> and in the hint.
  const std::u16string source = u"<meta charset=\"windows-1252\"><title>K\u00F6ln</title><p>\u65E5\u672C and \u00C5land</p>";
  std::string bytes = "\xFF\xFE";
  for (const char16_t unit : source) {
    bytes += static_cast<char>(unit & 0xFF);
    bytes += static_cast<char>(unit >> 8);
  }
  const HtmlText page = extract(bytes, "windows-1252");
  CHECK(page.charset == "UTF-16LE");
  CHECK(page.title == "K\u00F6ln");
  CHECK(page.text == "\u65E5\u672C and \u00C5land");

  const HtmlText utf8 = extract("\xEF\xBB\xBF<p>Pr\xC3\xA9" "cis</p>", "windows-1252");
  CHECK(utf8.charset == "UTF-8");
  CHECK(utf8.text == "Pr\u00E9cis");
}

TEST_CASE("html_text: with no charset, valid UTF-8 is UTF-8 and anything else windows-1252") {
  const HtmlText utf8 = extract("<p>Reykjav\xC3\xADk</p>");
  CHECK(utf8.charset == "UTF-8");
  CHECK(utf8.text == "Reykjav\u00EDk");

  const HtmlText legacy = extract("<p>Reykjav\xEDk \x93quoted\x94</p>");
  CHECK(legacy.charset == "windows-1252");
  CHECK(legacy.text == "Reykjav\u00EDk \u201Cquoted\u201D");
}

TEST_CASE("html_text: invalid bytes in a page declared UTF-8 become U+FFFD") {
  // A stray windows-1252 apostrophe, a sequence cut short, and an undefined windows-1252 byte.
  const HtmlText page = extract("<meta charset=utf-8><p>Kyiv\x92s \xE4\xB8 mayor</p>");
  CHECK(page.charset == "UTF-8");
  CHECK(page.text == "Kyiv\uFFFDs \uFFFD mayor");
  const HtmlText windows = extract("<p>A\x81" "B</p>", "windows-1252");
  CHECK(windows.text == "A\uFFFDB");
  CHECK_FALSE(comention::find_invalid_utf8(windows.text));
}

TEST_CASE("html_text: an unknown charset in the hint is an error, in the page it is ignored") {
  try {
    extract("<p>x</p>", "x-no-such-charset");
    FAIL("no InputError");
  } catch (const comention::InputError& error) {
    CHECK(error.file() == "page.html");
    CHECK(contains(error.what(), "x-no-such-charset"));
  }
  const HtmlText page = extract("<meta charset=\"x-no-such-charset\"><p>Malm\xC3\xB6</p>");
  CHECK(page.charset == "UTF-8");
  CHECK(page.text == "Malm\u00F6");
  // A name iconv would take with a suffix that changes the conversion is no charset name.
  CHECK_THROWS_AS(extract("<p>x</p>", "utf-8//IGNORE"), comention::InputError);
  CHECK(extract("<meta charset=\"latin1//TRANSLIT\"><p>Malm\xC3\xB6</p>").charset == "UTF-8");
}

TEST_CASE("html_text: a <meta> claiming UTF-16 in a byte-readable page means UTF-8") {
  const HtmlText page = extract("<meta charset=utf-16><p>Tbilisi \xE2\x80\x94 Baku</p>");
  CHECK(page.charset == "UTF-8");
  CHECK(page.text == "Tbilisi \u2014 Baku");
}

TEST_CASE("html_text: cookie and consent parts are left out by id and class, in any case") {
  const HtmlText page = extract(
      "<body><div id=\"CookieNotice\">Cookies for Austria</div><section class=\"gdpr-Consent\">Denmark</section>"
      "<p>Latvia and Lithuania share a border.</p></body>");
  CHECK(page.text == "Latvia and Lithuania share a border.");
}

TEST_CASE("html_text: thousands of unclosed elements parse; a page nested deeper than any article is refused") {
  std::string deep = "<body>";
  for (int i = 0; i < 4000; ++i) deep += "<span>";
  deep += "Deep in Laos<dialog open>Inside a dialog: Cambodia</dialog>";
  CHECK(extract(deep).text == "Deep in Laos");
  // Elements their next sibling closes do not count as nesting: a long page, not a deep one.
  std::string flat = "<body><ul>";
  for (int i = 0; i < 20000; ++i) flat += "<li><p>Peru";
  CHECK(extract(flat).text.starts_with("Peru\n\nPeru"));
  // Regression: 300,000 nested elements kept gumbo busy for minutes (its work grows with the
  // square of the open elements) and its recursive clean-up could overflow a thread's stack.
  std::string deepest = "<body>";
  for (int i = 0; i < 300000; ++i) deepest += "<div>";
  std::string message;
  try {
    extract(deepest);
  } catch (const comention::InputError& error) {
    message = error.what();
  }
  CHECK(contains(message, "page.html: the page nests about 300001 elements deep, more than the 5000"));  // <body> too
}

TEST_CASE("html_text: charset_parameter reads a Content-Type header") {
  using comention::charset_parameter;
  CHECK(charset_parameter("text/html; charset=ISO-8859-1") == "ISO-8859-1");
  CHECK(charset_parameter("text/html;charset=\"utf-8\"") == "utf-8");
  CHECK(charset_parameter("text/html; Charset = windows-1251 ; q=1") == "windows-1251");
  CHECK(charset_parameter("text/html") == "");
  CHECK(charset_parameter("") == "");
}

TEST_CASE("html_text: looks_like_html sniffs HTML documents and nothing else") {
  CHECK(looks_like_html("<!DOCTYPE html>\n<html>"));
  CHECK(looks_like_html("\xEF\xBB\xBF  \n<!doctype HTML><p>x"));
  CHECK(looks_like_html("<HTML lang=en>"));
  CHECK(looks_like_html("<head><title>x</title>"));
  CHECK(looks_like_html("<body>"));
  CHECK(looks_like_html("<!-- saved from url=(0041)https://news.example/ -->\n<html>"));
  CHECK(looks_like_html("<!-- one --><!-- two -->\r\n<html>"));
  CHECK_FALSE(looks_like_html("The <html> tag starts a page."));
  CHECK_FALSE(looks_like_html("{\"id\": 1, \"text\": \"<html>\"}"));
  CHECK_FALSE(looks_like_html("<?xml version=\"1.0\"?><rss>"));
  CHECK_FALSE(looks_like_html("<htmlish>"));
  CHECK_FALSE(looks_like_html("<!-- never closed <html>"));
  CHECK_FALSE(looks_like_html(""));
}

}  // namespace
