// The article text of a saved web page: decoded to UTF-8, parsed as HTML5, its visible text kept
// and the page's furniture (menus, scripts, banners, footers) left out.
//
//   std::string page = /* the bytes of a .html file, or a WARC response's body */;
//   comention::HtmlText html = comention::extract_html_text(page, "", "page.html");
//   // html.title: "Talks resume in Geneva"; html.text: "Talks resume in Geneva\n\nDelegates ..."
//   // html.charset: "UTF-8", or "windows-1252", "UTF-16LE", ... as the page was decoded
//
// Character set, first found wins (as browsers decide, WHATWG "encoding sniffing"):
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. charset_hint, the charset named outside the page (an HTTP Content-Type's charset=);
//   3. <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">
//      within the first 4096 bytes;
//   4. UTF-8 when the bytes are valid UTF-8;
//   5. windows-1252.
// Labels are read as browsers read them: "iso-8859-1", "latin1", "us-ascii" mean windows-1252, a
// <meta> naming UTF-16 means UTF-8 (a page whose <meta> could be read byte by byte is not UTF-16).
// A label the page itself gives that iconv does not know is ignored, as a browser ignores it (a
// typo in a page is bad markup, not a reason to refuse the page); an unknown charset_hint is an
// error, since the caller asked for that charset. Bytes the charset cannot decode, invalid UTF-8
// included, become U+FFFD: the text is always valid UTF-8.
//
// Text is taken from the page's content root:
//   - the first <article> or <main> outside the parts left out below, unless its text is under a
//     fifth of the body's (a page that wraps one teaser in <article> but the story elsewhere),
//   - otherwise the <body>.
// Left out, with everything inside them:
//   - elements that are not text or not the story: script, style, noscript, template, nav, header,
//     footer, aside, form, button, select, textarea, iframe, svg, canvas, object, audio, video,
//     dialog. A <header> inside an <article> or <main> stays: it holds that story's headline and
//     byline, not the site's masthead.
//   - hidden elements: the hidden attribute, aria-hidden="true", an inline style with
//     display:none or visibility:hidden.
//   - cookie banners and consent dialogs, by a heuristic: role="dialog" or "alertdialog", or an id
//     or class containing "cookie" or "consent" (any case). The html, body, main and article
//     elements are exempt, as sites mark <body class="cookie-consent-pending"> while a banner is up.
// Block elements (p, div, li, h1-h6, blockquote, pre, table cells, section, article ...) are
// paragraphs, separated by one blank line ("\n\n"), which is what segment_text reads as a
// paragraph break. Inside a paragraph white space collapses to one space (no-break spaces too);
// one <br> is a line break, two in a row a paragraph break; lines in <pre> stay lines. Paragraphs
// have no leading or trailing spaces, and none is empty. Character references are decoded.
//
// The title is the <title>'s text, white space collapsed; without one, the first <h1> of the text.
#pragma once

#include <string>
#include <string_view>

namespace comention {

struct HtmlText {
  std::string title;    // the <title>, white space collapsed; the first <h1> without one; or empty
  std::string text;     // visible article text, UTF-8, paragraphs separated by one blank line
  std::string charset;  // the charset the page was decoded from: "UTF-8", "windows-1252", ...
};

// bytes: the page as stored. charset_hint: a charset named outside the page, such as an HTTP
// Content-Type header's charset= (may be empty). Throws InputError(file_for_errors, message) only
// when the page cannot be decoded at all (charset_hint names a charset iconv cannot convert) or
// its tags nest deeper than kMaxHtmlNesting, which no article does and which would make parsing
// take minutes or overflow the stack. Broken markup is never an error: it is parsed as a browser
// would parse it.
constexpr std::size_t kMaxHtmlNesting = 5000;
HtmlText extract_html_text(std::string_view bytes, std::string_view charset_hint, const std::string& file_for_errors);

// True when bytes look like an HTML document: after an optional byte order mark and white space,
// <!DOCTYPE html, <html, <head or <body (any case), possibly after HTML comments. For sniffing
// the format of a file whose name does not say it.
bool looks_like_html(std::string_view bytes) noexcept;

// The charset= parameter of a Content-Type header value ("text/html; charset=ISO-8859-1" gives
// "ISO-8859-1"), unquoted; empty when there is none. What to pass extract_html_text as its hint.
std::string_view charset_parameter(std::string_view content_type) noexcept;

}  // namespace comention
