#include "comention/html_text.hpp"

#include <gumbo.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "comention/text.hpp"

namespace comention {
namespace {

// ---------------------------------------------------------------------------------------------
// Character sets

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";  // U+FFFD
// How far into the page a <meta> naming the charset is looked for. The HTML standard's prescan
// stops at 1024 bytes; pages with long inline scripts in <head> put it later, and reading a few
// more bytes costs nothing.
constexpr std::size_t kMetaPrescanBytes = 4096;

char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) noexcept {
  if (needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (equals_ignoring_case(text.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string to_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = ascii_lower(c);
  return lower;
}

// A charset the page will be decoded from: the name iconv knows it by, and the name we report.
struct Charset {
  std::string iconv_name;
  std::string name;
  std::size_t unit = 1;  // bytes skipped past a sequence iconv cannot decode
};

// Labels that browsers read differently from what they say (the WHATWG Encoding Standard's label
// table, for the labels seen on news sites). Anything else goes to iconv as written.
struct LabelAlias {
  std::string_view label;
  std::string_view iconv_name;
  std::string_view name;
};
constexpr std::array kLabelAliases = {
    LabelAlias{"utf-8", "UTF-8", "UTF-8"},
    LabelAlias{"utf8", "UTF-8", "UTF-8"},
    LabelAlias{"unicode-1-1-utf-8", "UTF-8", "UTF-8"},
    LabelAlias{"windows-1252", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"cp1252", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"x-cp1252", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso-8859-1", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso8859-1", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso_8859-1", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso_8859-1:1987", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso88591", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"latin1", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"l1", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"cp819", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"ibm819", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"csisolatin1", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso-ir-100", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"ascii", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"us-ascii", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"ansi_x3.4-1968", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"x-user-defined", "WINDOWS-1252", "windows-1252"},
    LabelAlias{"iso-8859-9", "WINDOWS-1254", "windows-1254"},
    LabelAlias{"latin5", "WINDOWS-1254", "windows-1254"},
    LabelAlias{"iso-8859-11", "WINDOWS-874", "windows-874"},
    LabelAlias{"tis-620", "WINDOWS-874", "windows-874"},
    LabelAlias{"gb2312", "GBK", "GBK"},
    LabelAlias{"chinese", "GBK", "GBK"},
    LabelAlias{"x-gbk", "GBK", "GBK"},
    LabelAlias{"shift_jis", "CP932", "Shift_JIS"},
    LabelAlias{"shift-jis", "CP932", "Shift_JIS"},
    LabelAlias{"sjis", "CP932", "Shift_JIS"},
    LabelAlias{"x-sjis", "CP932", "Shift_JIS"},
    LabelAlias{"ms_kanji", "CP932", "Shift_JIS"},
    LabelAlias{"windows-31j", "CP932", "Shift_JIS"},
    LabelAlias{"euc-kr", "CP949", "EUC-KR"},
    LabelAlias{"ks_c_5601-1987", "CP949", "EUC-KR"},
    LabelAlias{"big5", "BIG5-HKSCS", "Big5"},
    LabelAlias{"utf-16", "UTF-16LE", "UTF-16LE"},
    LabelAlias{"utf-16le", "UTF-16LE", "UTF-16LE"},
    LabelAlias{"utf-16be", "UTF-16BE", "UTF-16BE"},
};

Charset utf8_charset() { return {"UTF-8", "UTF-8", 1}; }
Charset windows1252_charset() { return {"WINDOWS-1252", "windows-1252", 1}; }

struct IconvCloser {
  void operator()(void* descriptor) const noexcept { iconv_close(static_cast<iconv_t>(descriptor)); }
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

IconvHandle open_to_utf8(const std::string& from) {
  iconv_t descriptor = iconv_open("UTF-8", from.c_str());
  if (descriptor == reinterpret_cast<iconv_t>(-1)) return nullptr;  // iconv's documented failure value
  return IconvHandle(descriptor);
}

bool is_label_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == ':';
}

// The charset a label names, if iconv can decode it.
std::optional<Charset> charset_for_label(std::string_view label) {
  const std::string lower = to_lower(trim(label));
  // Only what charset names are made of reaches iconv_open: no "//TRANSLIT" or "//IGNORE" suffix
  // from a page changes how it converts.
  if (lower.empty() || !std::all_of(lower.begin(), lower.end(), is_label_char)) return std::nullopt;
  Charset charset;
  const auto alias = std::find_if(kLabelAliases.begin(), kLabelAliases.end(),
                                  [&](const LabelAlias& candidate) { return candidate.label == lower; });
  if (alias != kLabelAliases.end()) {
    charset = {std::string(alias->iconv_name), std::string(alias->name), 1};
  } else {
    std::string upper(trim(label));
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    charset = {upper, upper, 1};
  }
  if (charset.iconv_name.rfind("UTF-16", 0) == 0) charset.unit = 2;
  if (charset.iconv_name.rfind("UTF-32", 0) == 0) charset.unit = 4;
  if (charset.iconv_name != "UTF-8" && !open_to_utf8(charset.iconv_name)) return std::nullopt;
  return charset;
}

// The length a UTF-8 lead byte announces, or 0 if it is no lead byte.
std::size_t utf8_sequence_length(unsigned char lead) noexcept {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Appends bytes to out, each invalid UTF-8 sequence replaced by one U+FFFD: a lead byte with its
// continuation bytes that were cut short is one replacement, a stray byte is one.
void append_repaired_utf8(std::string_view bytes, std::string& out) {
  while (!bytes.empty()) {
    const std::optional<std::size_t> invalid = find_invalid_utf8(bytes);
    if (!invalid) {
      out.append(bytes);
      return;
    }
    out.append(bytes.substr(0, *invalid));
    out.append(kReplacementUtf8);
    std::size_t skip = 1;
    const std::size_t announced = utf8_sequence_length(static_cast<unsigned char>(bytes[*invalid]));
    while (skip < announced && *invalid + skip < bytes.size() &&
           (static_cast<unsigned char>(bytes[*invalid + skip]) & 0xC0) == 0x80) {
      ++skip;
    }
    bytes.remove_prefix(*invalid + skip);
  }
}

// Decodes bytes from charset into UTF-8, a U+FFFD for each sequence the charset cannot decode.
std::string decode_to_utf8(std::string_view bytes, const Charset& charset) {
  std::string out;
  if (charset.iconv_name == "UTF-8") {
    out.reserve(bytes.size());
    append_repaired_utf8(bytes, out);
    return out;
  }
  IconvHandle handle = open_to_utf8(charset.iconv_name);
  auto* descriptor = static_cast<iconv_t>(handle.get());
  out.resize(bytes.size() * 2 + 16);
  // iconv's signature predates const; it does not write through the input pointer.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t result = iconv(descriptor, &in, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else if (errno == EILSEQ) {
      // A byte (or unit) the charset does not define: skip it, as a browser shows U+FFFD.
      out.resize(std::max(out.size(), written + kReplacementUtf8.size() + in_left * 2 + 16));
      out.replace(written, kReplacementUtf8.size(), kReplacementUtf8);
      written += kReplacementUtf8.size();
      const std::size_t skip = std::min(charset.unit, in_left);
      in += skip;
      in_left -= skip;
    } else {  // EINVAL: the input ends inside a sequence
      out.resize(std::max(out.size(), written + kReplacementUtf8.size()));
      out.replace(written, kReplacementUtf8.size(), kReplacementUtf8);
      written += kReplacementUtf8.size();
      break;
    }
  }
  out.resize(written);
  // iconv's output is UTF-8 already; checking costs little and keeps the promise absolute.
  if (find_invalid_utf8(out)) {
    std::string repaired;
    repaired.reserve(out.size());
    append_repaired_utf8(out, repaired);
    out.swap(repaired);
  }
  return out;
}

// The charset= of a meta content attribute or a Content-Type header (the HTML standard's
// "algorithm for extracting a character encoding from a meta element").
std::string_view charset_from_content(std::string_view content) noexcept {
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t found = std::string_view::npos;
    for (std::size_t i = pos; i + 7 <= content.size(); ++i) {
      if (equals_ignoring_case(content.substr(i, 7), "charset")) {
        found = i;
        break;
      }
    }
    if (found == std::string_view::npos) return {};
    pos = found + 7;
    while (pos < content.size() && is_ascii_space(content[pos])) ++pos;
    if (pos >= content.size() || content[pos] != '=') continue;  // "charset" without "=": look on
    ++pos;
    while (pos < content.size() && is_ascii_space(content[pos])) ++pos;
    if (pos >= content.size()) return {};
    const char quote = content[pos];
    if (quote == '"' || quote == '\'') {
      const std::size_t end = content.find(quote, pos + 1);
      if (end == std::string_view::npos) return {};
      return content.substr(pos + 1, end - pos - 1);
    }
    std::size_t end = pos;
    while (end < content.size() && !is_ascii_space(content[end]) && content[end] != ';') ++end;
    return content.substr(pos, end - pos);
  }
  return {};
}

// One attribute of a tag in the prescan: name lower-cased, value as written.
struct PrescanAttribute {
  std::string name;
  std::string_view value;
};

// Reads the attribute at bytes[pos] of a tag, advancing pos past it; nullopt at the tag's end.
std::optional<PrescanAttribute> read_prescan_attribute(std::string_view bytes, std::size_t& pos) {
  while (pos < bytes.size() && (is_ascii_space(bytes[pos]) || bytes[pos] == '/')) ++pos;
  if (pos >= bytes.size() || bytes[pos] == '>') return std::nullopt;
  PrescanAttribute attribute;
  while (pos < bytes.size() && !is_ascii_space(bytes[pos]) && bytes[pos] != '=' && bytes[pos] != '>' &&
         bytes[pos] != '/') {
    attribute.name += ascii_lower(bytes[pos]);
    ++pos;
  }
  while (pos < bytes.size() && is_ascii_space(bytes[pos])) ++pos;
  if (pos >= bytes.size() || bytes[pos] != '=') return attribute;
  ++pos;
  while (pos < bytes.size() && is_ascii_space(bytes[pos])) ++pos;
  if (pos >= bytes.size()) return attribute;
  const char quote = bytes[pos];
  if (quote == '"' || quote == '\'') {
    const std::size_t end = bytes.find(quote, pos + 1);
    const std::size_t stop = end == std::string_view::npos ? bytes.size() : end;
    attribute.value = bytes.substr(pos + 1, stop - pos - 1);
    pos = end == std::string_view::npos ? bytes.size() : end + 1;
  } else {
    const std::size_t start = pos;
    while (pos < bytes.size() && !is_ascii_space(bytes[pos]) && bytes[pos] != '>') ++pos;
    attribute.value = bytes.substr(start, pos - start);
  }
  return attribute;
}

bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The HTML standard's prescan for a <meta> naming the charset, over the page's first bytes: a
// small byte scan that skips comments and reads tags' attributes, so that "charset" in a script
// or in another tag's attribute value is not taken for it.
std::optional<Charset> prescan_meta_charset(std::string_view bytes) {
  bytes = bytes.substr(0, std::min(bytes.size(), kMetaPrescanBytes));
  std::size_t pos = 0;
  while ((pos = bytes.find('<', pos)) != std::string_view::npos) {
    const std::string_view rest = bytes.substr(pos);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = bytes.find("-->", pos + 4);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 3;
      continue;
    }
    const bool is_meta = starts_with_ignoring_case(rest, "<meta") && rest.size() > 5 &&
                         (is_ascii_space(rest[5]) || rest[5] == '/');
    const bool is_tag = rest.size() > 1 && (is_ascii_letter(rest[1]) || (rest[1] == '/' && rest.size() > 2 &&
                                                                          is_ascii_letter(rest[2])));
    if (!is_meta && !is_tag) {
      // <!DOCTYPE ...>, <?...?> and stray '<': skip to the next '>'
      const std::size_t end = bytes.find('>', pos + 1);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 1;
      continue;
    }
    pos += 1;
    while (pos < bytes.size() && !is_ascii_space(bytes[pos]) && bytes[pos] != '>' && bytes[pos] != '/') ++pos;
    std::string_view charset_attribute;
    std::string_view http_equiv;
    std::string_view content;
    bool has_charset = false;
    while (auto attribute = read_prescan_attribute(bytes, pos)) {
      if (attribute->name == "charset" && !has_charset) {
        charset_attribute = attribute->value;
        has_charset = true;
      } else if (attribute->name == "http-equiv") {
        http_equiv = attribute->value;
      } else if (attribute->name == "content") {
        content = attribute->value;
      }
    }
    if (pos < bytes.size()) ++pos;  // the tag's '>'
    if (!is_meta) continue;
    std::string_view label;
    if (has_charset) {
      label = charset_attribute;
    } else if (equals_ignoring_case(trim(http_equiv), "content-type")) {
      label = charset_from_content(content);
    }
    if (trim(label).empty()) continue;
    std::optional<Charset> charset = charset_for_label(label);
    if (!charset) continue;  // an unknown label is ignored, as browsers ignore it
    // The prescan read this <meta> byte by byte, so the page is not UTF-16 whatever it says.
    if (charset->iconv_name.rfind("UTF-16", 0) == 0) charset = utf8_charset();
    return charset;
  }
  return std::nullopt;
}

struct DecodedPage {
  std::string text;
  std::string charset;
};

DecodedPage decode_page(std::string_view bytes, std::string_view charset_hint, const std::string& file) {
  std::optional<Charset> charset;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = utf8_charset();
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    charset = Charset{"UTF-16LE", "UTF-16LE", 2};
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    charset = Charset{"UTF-16BE", "UTF-16BE", 2};
    bytes.remove_prefix(2);
  } else if (!trim(charset_hint).empty()) {
    charset = charset_for_label(charset_hint);
    if (!charset) {
      throw InputError(file, "cannot decode the page: unknown character set \"" + std::string(trim(charset_hint)) + "\"");
    }
  } else {
    charset = prescan_meta_charset(bytes);
    if (!charset) charset = find_invalid_utf8(bytes) ? windows1252_charset() : utf8_charset();
  }
  return {decode_to_utf8(bytes, *charset), charset->name};
}

// ---------------------------------------------------------------------------------------------
// Text of the parsed page

// Builds paragraphs from text pieces: collapses white space, and puts breaks only between pieces
// of text, so that no paragraph is empty or has spaces at its ends.
class TextBuilder {
 public:
  void add_text(std::string_view text, bool keep_lines) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const char c = text[pos];
      if (is_ascii_space(c)) {
        if (keep_lines && c == '\n') {
          add_line_break();
        } else {
          pending_space_ = true;
        }
        ++pos;
      } else if (c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') {  // U+00A0
        pending_space_ = true;
        pos += 2;
      } else {
        flush_pending();
        std::size_t end = pos + 1;
        while (end < text.size() && !is_ascii_space(text[end]) && text[end] != '\xC2') ++end;
        out_.append(text.substr(pos, end - pos));
        pos = end;
      }
    }
  }
  void add_space() noexcept { pending_space_ = true; }
  // <br>: a line break; a second one with no text between makes a paragraph break.
  void add_line_break() noexcept {
    if (pending_break_ == Break::line) {
      pending_break_ = Break::paragraph;
    } else if (pending_break_ == Break::none) {
      pending_break_ = Break::line;
    }
  }
  void add_paragraph_break() noexcept { pending_break_ = Break::paragraph; }

  std::string take() {
    pending_break_ = Break::none;
    pending_space_ = false;
    return std::move(out_);
  }

 private:
  enum class Break { none, line, paragraph };

  void flush_pending() {
    if (!out_.empty()) {
      if (pending_break_ == Break::paragraph) {
        out_.append("\n\n");
      } else if (pending_break_ == Break::line) {
        out_.push_back('\n');
      } else if (pending_space_) {
        out_.push_back(' ');
      }
    }
    pending_break_ = Break::none;
    pending_space_ = false;
  }

  std::string out_;
  Break pending_break_ = Break::none;
  bool pending_space_ = false;
};

std::string collapse_white_space(std::string_view text) {
  TextBuilder builder;
  builder.add_text(text, false);
  return builder.take();
}

const GumboNode* child_at(const GumboVector& children, unsigned int index) noexcept {
  return static_cast<const GumboNode*>(children.data[index]);
}

std::string_view attribute_value(const GumboElement& element, const char* name) noexcept {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr && attribute->value != nullptr ? std::string_view(attribute->value) : std::string_view();
}

bool has_attribute(const GumboElement& element, const char* name) noexcept {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

bool is_html_element(const GumboNode& node, GumboTag tag) noexcept {
  return node.type == GUMBO_NODE_ELEMENT && node.v.element.tag == tag &&
         node.v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

bool is_left_out_tag(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// The name of an element gumbo has no GumboTag for (GUMBO_TAG_UNKNOWN), such as <dialog>, which
// gumbo 0.10 predates: the tag as written in the page, empty for an element the parser made up.
std::string_view unknown_tag_name(const GumboElement& element) noexcept {
  GumboStringPiece tag = element.original_tag;
  if (tag.data == nullptr || tag.length < 2 || tag.data[0] != '<') return {};
  gumbo_tag_from_original_text(&tag);
  return {tag.data, tag.length};
}

bool is_left_out_element(const GumboElement& element) noexcept {
  if (element.tag == GUMBO_TAG_UNKNOWN) return equals_ignoring_case(unknown_tag_name(element), "dialog");
  return is_left_out_tag(element.tag);
}

bool is_block_tag(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool is_hidden(const GumboElement& element) {
  if (has_attribute(element, "hidden")) return true;
  if (equals_ignoring_case(trim(attribute_value(element, "aria-hidden")), "true")) return true;
  const std::string_view style = attribute_value(element, "style");
  if (style.empty()) return false;
  std::string compact;  // "display : none" reads as "display:none"
  compact.reserve(style.size());
  for (const char c : style) {
    if (!is_ascii_space(c)) compact += ascii_lower(c);
  }
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

// The cookie-banner heuristic (see the header). The page's frame is never a banner.
bool is_consent_banner(const GumboElement& element) {
  switch (element.tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
      return false;
    default:
      break;
  }
  const std::string_view role = trim(attribute_value(element, "role"));
  if (equals_ignoring_case(role, "dialog") || equals_ignoring_case(role, "alertdialog")) return true;
  for (const char* name : {"id", "class"}) {
    const std::string_view value = attribute_value(element, name);
    if (contains_ignoring_case(value, "cookie") || contains_ignoring_case(value, "consent")) return true;
  }
  return false;
}

// What one walk over a subtree found.
struct WalkResult {
  std::string text;
  const GumboNode* first_content_root = nullptr;  // the first visible <article> or <main>
  const GumboNode* first_h1 = nullptr;            // the first visible <h1>
};

// Walks the subtree under root in document order with an explicit stack: a page of ten thousand
// unclosed <div>s nests that deep, which recursion would not survive.
WalkResult walk_visible_text(const GumboNode& root) {
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
    bool block;
    bool story;       // inside an <article> or <main>: its <header> is the story's own
    bool keep_lines;  // inside <pre>
  };
  WalkResult result;
  TextBuilder builder;
  std::vector<Frame> stack;
  const bool root_is_story = is_html_element(root, GUMBO_TAG_ARTICLE) || is_html_element(root, GUMBO_TAG_MAIN);
  stack.push_back({&root, 0, true, root_is_story, is_html_element(root, GUMBO_TAG_PRE)});
  builder.add_paragraph_break();
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->v.element.children;
    if (frame.next_child >= children.length) {
      if (frame.block) builder.add_paragraph_break();
      stack.pop_back();
      continue;
    }
    const GumboNode& child = *child_at(children, frame.next_child++);
    const bool story = frame.story;
    const bool keep_lines = frame.keep_lines;
    switch (child.type) {
      case GUMBO_NODE_TEXT:
        builder.add_text(child.v.text.text, keep_lines);
        continue;
      case GUMBO_NODE_WHITESPACE:
        if (keep_lines) {
          builder.add_text(child.v.text.text, true);
        } else {
          builder.add_space();
        }
        continue;
      case GUMBO_NODE_ELEMENT:
        break;
      default:  // comments, CDATA, <template> contents
        continue;
    }
    const GumboElement& element = child.v.element;
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) continue;  // <svg>, <math> and their insides
    const GumboTag tag = element.tag;
    if (is_left_out_element(element) || (tag == GUMBO_TAG_HEADER && !story) || is_hidden(element) ||
        is_consent_banner(element)) {
      // Left out whole; its place still separates the words around it.
      builder.add_space();
      continue;
    }
    if (tag == GUMBO_TAG_BR) {
      builder.add_line_break();
      continue;
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) builder.add_space();
    const bool is_story = tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
    if (is_story && result.first_content_root == nullptr) result.first_content_root = &child;
    if (tag == GUMBO_TAG_H1 && result.first_h1 == nullptr) result.first_h1 = &child;
    const bool block = is_block_tag(tag);
    if (block) builder.add_paragraph_break();
    stack.push_back({&child, 0, block, story || is_story, keep_lines || tag == GUMBO_TAG_PRE});
  }
  result.text = builder.take();
  return result;
}

// Text of every text node under node, hidden or not: for <title>.
std::string all_text(const GumboNode& node) {
  std::string text;
  std::vector<const GumboNode*> stack{&node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE) {
      text += current->v.text.text;
      text += ' ';
    } else if (current->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = current->v.element.children;
      for (unsigned int i = children.length; i > 0; --i) stack.push_back(child_at(children, i - 1));
    }
  }
  return text;
}

// The first element with tag under node, depth first.
const GumboNode* find_first(const GumboNode& node, GumboTag tag) {
  std::vector<const GumboNode*> stack{&node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type != GUMBO_NODE_ELEMENT) continue;
    if (is_html_element(*current, tag)) return current;
    const GumboVector& children = current->v.element.children;
    for (unsigned int i = children.length; i > 0; --i) stack.push_back(child_at(children, i - 1));
  }
  return nullptr;
}

// Gumbo's parse errors are of no use here, and recording them is what costs: each copies the stack
// of open elements, so a page of 20,000 unclosed <span>s took 17 seconds to parse with them and
// 0.03 without. max_errors 0 records none; the tree is built the same.
GumboOptions parser_options() noexcept {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

// The deepest nesting the page's tags could build, counted cheaply before parsing. gumbo takes
// time growing with the square of the number of open elements, and frees its tree by recursion,
// so a page nested tens of thousands deep (no article is) would take minutes or overflow the
// stack. Elements that close themselves or are closed by their next sibling (p, li, td ...)
// are not counted, so the estimate stays near the real depth for ordinary pages; a stray "<b"
// in a script may make it a little higher, which the generous limit allows for.
std::size_t deepest_nesting(std::string_view html) noexcept {
  static constexpr std::array<std::string_view, 31> kNotNesting = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
      "tfoot", "rp", "rt", "colgroup", "caption", "keygen"};
  auto is_name_byte = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::size_t depth = 0;
  std::size_t deepest = 0;
  char name[16];
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at)) {
    ++at;
    const bool closing = at < html.size() && html[at] == '/';
    const std::size_t start = at + (closing ? 1 : 0);
    std::size_t end = start;
    while (end < html.size() && is_name_byte(html[end])) ++end;
    if (end == start) continue;  // "<!--", "<!DOCTYPE", "a < b"
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    const std::size_t length = std::min(end - start, sizeof name);
    for (std::size_t i = 0; i < length; ++i) {
      const char c = html[start + i];
      name[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view tag(name, length);
    if (std::find(kNotNesting.begin(), kNotNesting.end(), tag) != kNotNesting.end()) continue;
    const std::size_t close = html.find('>', end);
    if (close != std::string_view::npos && html[close - 1] == '/') continue;  // <x/>
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const noexcept {
    const GumboOptions options = parser_options();
    gumbo_destroy_output(&options, output);
  }
};

}  // namespace

std::string_view charset_parameter(std::string_view content_type) noexcept {
  // The parameter starts after the media type's ';', so "text/x-charset=..." is not taken for it.
  const std::size_t semicolon = content_type.find(';');
  if (semicolon == std::string_view::npos) return {};
  return trim(charset_from_content(content_type.substr(semicolon + 1)));
}

HtmlText extract_html_text(std::string_view bytes, std::string_view charset_hint, const std::string& file_for_errors) {
  DecodedPage page = decode_page(bytes, charset_hint, file_for_errors);
  if (const std::size_t depth = deepest_nesting(page.text); depth > kMaxHtmlNesting) {
    throw InputError(file_for_errors, "the page nests about " + std::to_string(depth) +
                                          " elements deep, more than the " + std::to_string(kMaxHtmlNesting) +
                                          " an article could; not parsed");
  }
  const GumboOptions options = parser_options();
  const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&options, page.text.data(), page.text.size()));

  HtmlText result;
  result.charset = std::move(page.charset);
  // The parser always builds <html>, <head> and <body>, whatever the page left out.
  const GumboNode* body = find_first(*output->root, GUMBO_TAG_BODY);
  const GumboNode& text_root = body != nullptr ? *body : *output->root;
  WalkResult whole = walk_visible_text(text_root);
  WalkResult chosen;
  if (whole.first_content_root != nullptr) {
    chosen = walk_visible_text(*whole.first_content_root);
    // Under a fifth of the body's text: the <article> is a teaser or a caption, not the story.
    if (chosen.text.size() * 5 < whole.text.size()) chosen = std::move(whole);
  } else {
    chosen = std::move(whole);
  }
  result.text = std::move(chosen.text);

  if (const GumboNode* title = find_first(*output->root, GUMBO_TAG_TITLE)) {
    result.title = collapse_white_space(all_text(*title));
  }
  if (result.title.empty() && chosen.first_h1 != nullptr) {
    result.title = collapse_white_space(walk_visible_text(*chosen.first_h1).text);
  }
  return result;
}

bool looks_like_html(std::string_view bytes) noexcept {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  while (true) {
    while (!bytes.empty() && is_ascii_space(bytes.front())) bytes.remove_prefix(1);
    if (bytes.substr(0, 4) != "<!--") break;
    const std::size_t end = bytes.find("-->", 4);
    if (end == std::string_view::npos) return false;
    bytes.remove_prefix(end + 3);
  }
  for (const std::string_view start : {"<!doctype html", "<html", "<head", "<body"}) {
    if (!starts_with_ignoring_case(bytes, start)) continue;
    // "<html>" or "<html lang=...>", not "<htmlfoo>"; "<!DOCTYPE html>" likewise.
    if (bytes.size() == start.size()) return true;
    const char next = bytes[start.size()];
    if (next == '>' || next == '/' || is_ascii_space(next)) return true;
  }
  return false;
}

}  // namespace comention
