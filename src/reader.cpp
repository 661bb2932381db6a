#include "comention/reader.hpp"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "comention/error.hpp"
#include "comention/html_text.hpp"
#include "comention/text.hpp"
#include "comention/warc.hpp"
#include "archive_input.hpp"
#include "csv_input.hpp"
#include "input_buffer.hpp"
#include "json_values.hpp"

namespace comention {
namespace fs = std::filesystem;

namespace {

// "invalid UTF-8 ..." located by line and column within text, for the error message.
[[noreturn]] void throw_invalid_utf8(const std::string& file, std::size_t first_line,
                                     std::string_view text, std::size_t offset) {
  const std::size_t line = first_line + static_cast<std::size_t>(
                                            std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t column = offset - (line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1) + 1;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[offset])));
  throw InputError(file, line,
                   "invalid UTF-8 (byte " + std::string(byte) + " at column " + std::to_string(column) +
                       "); convert the file to UTF-8 first, e.g. with iconv");
}

// The JSON library's message without its "[json.exception.parse_error.101] " prefix.
std::string json_reason(const std::exception& error) {
  std::string message = error.what();
  if (!message.empty() && message.front() == '[') {
    const auto close = message.find("] ");
    if (close != std::string::npos) message.erase(0, close + 2);
  }
  return message;
}

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

static_assert(detail::kInputPadding >= simdjson::SIMDJSON_PADDING);

// The size of a read block (input_buffer.cpp): a record parser that grew past it lets go.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

// One of the fields the reader looks at in a record, whichever parser read the record.
struct FieldValue {
  enum class Kind : std::uint8_t { absent, null, string, signed_integer, unsigned_integer, other };
  Kind kind = Kind::absent;
  std::string_view string;  // Kind::string: points into the parser that read the record
  std::int64_t signed_integer = 0;
  std::uint64_t unsigned_integer = 0;
};

struct RecordFields {
  bool is_object = false;
  FieldValue text;
  FieldValue id;
  FieldValue date;  // absent when ReaderOptions::date_field is empty
  FieldValue title;  // absent when ReaderOptions::title_field is empty
};

// value_unsafe(): the type was just checked, so the conversion cannot fail.
FieldValue field_value(simdjson::dom::element value) noexcept {
  FieldValue field;
  switch (value.type()) {
    case simdjson::dom::element_type::STRING:
      field.kind = FieldValue::Kind::string;
      field.string = value.get_string().value_unsafe();
      break;
    case simdjson::dom::element_type::INT64:
      field.kind = FieldValue::Kind::signed_integer;
      field.signed_integer = value.get_int64().value_unsafe();
      break;
    case simdjson::dom::element_type::UINT64:
      field.kind = FieldValue::Kind::unsigned_integer;
      field.unsigned_integer = value.get_uint64().value_unsafe();
      break;
    case simdjson::dom::element_type::NULL_VALUE:
      field.kind = FieldValue::Kind::null;
      break;
    default:  // a double (1.5, 1e3), a boolean, an array or an object
      field.kind = FieldValue::Kind::other;
      break;
  }
  return field;
}

FieldValue field_value(const nlohmann::json& record, const std::string& name) {
  FieldValue field;
  const auto value = record.find(name);
  if (value == record.end()) return field;
  if (value->is_null()) {
    field.kind = FieldValue::Kind::null;
  } else if (value->is_string()) {
    field.kind = FieldValue::Kind::string;
    field.string = value->get_ref<const std::string&>();
  } else if (value->is_number_unsigned()) {  // before is_number_integer, which is true for both
    field.kind = FieldValue::Kind::unsigned_integer;
    field.unsigned_integer = value->get<std::uint64_t>();
  } else if (value->is_number_integer()) {
    field.kind = FieldValue::Kind::signed_integer;
    field.signed_integer = value->get<std::int64_t>();
  } else {
    field.kind = FieldValue::Kind::other;
  }
  return field;
}

template <typename Integer>
void append_decimal(std::string& out, Integer value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

// Reads one JSON Lines record. simdjson reads valid records, which is nearly all of them, at
// a few instructions a byte and checks their UTF-8 on the way. Whatever simdjson refuses is read
// again the slow way, with the UTF-8 check and nlohmann::json as before: the error then names
// the offending byte or column exactly as it always did, and the few records that JSON allows
// but simdjson does not (integers beyond 64 bits, a byte order mark at the start of a later
// line, more than 1024 levels of nesting) are read exactly as before.
class RecordParser {
 public:
  // Reads line (followed by SIMDJSON_PADDING readable bytes) into fields, which point into this
  // parser until the next call. Throws InputError for invalid UTF-8 and malformed JSON.
  void parse(std::string_view line, const std::string& path, std::size_t line_number,
             const ReaderOptions& options, RecordFields& fields) {
    fields = RecordFields{};
    if (!slow_record_.is_null()) slow_record_ = nullptr;  // the last fallback's record, maybe big
    // The parser keeps about 14 bytes for each byte of the longest record it has read: after
    // a record longer than a block, give that back instead of holding it to the end.
    if (simdjson_parser_.capacity() > kBlockBytes && line.size() <= kBlockBytes) {
      simdjson_parser_ = simdjson::dom::parser();
    }
    simdjson::dom::element root;
    slow_ = false;
    if (simdjson_parser_.parse(line.data(), line.size(), false).get(root) != simdjson::SUCCESS) {
      slow_ = true;
      parse_slowly(line, path, line_number, options, fields);
      return;
    }
    simdjson::dom::object record;
    if (root.get_object().get(record) != simdjson::SUCCESS) return;
    record_ = record;
    fields.is_object = true;
    // Every field is looked at, and a name given twice keeps its last value, as in nlohmann::json.
    const bool wants_date = !options.date_field.empty();
    const bool wants_title = !options.title_field.empty();
    for (const simdjson::dom::key_value_pair field : record) {
      if (field.key == options.text_field) fields.text = field_value(field.value);
      if (field.key == options.id_field) fields.id = field_value(field.value);
      if (wants_date && field.key == options.date_field) fields.date = field_value(field.value);
      if (wants_title && field.key == options.title_field) fields.title = field_value(field.value);
    }
  }

  // The field names of the record parse() last read, into names; only for messages.
  void field_names(std::vector<std::string>& names) const {
    if (slow_) {
      for (const auto& item : slow_record_.items()) names.push_back(item.key());
    } else {
      for (const simdjson::dom::key_value_pair field : record_) names.emplace_back(field.key);
    }
  }

 private:
  void parse_slowly(std::string_view line, const std::string& path, std::size_t line_number,
                    const ReaderOptions& options, RecordFields& fields) {
    if (const auto bad = find_invalid_utf8(line)) throw_invalid_utf8(path, line_number, line, *bad);
    try {
      slow_record_ = nlohmann::json::parse(line.begin(), line.end());
    } catch (const nlohmann::json::exception& error) {
      // parse_error, and out_of_range for a number like 1e400 that overflows a double.
      std::string message = "malformed JSON record: " + json_reason(error);
      // A first line that does not even start like JSON: a file named .jsonl that is not.
      const auto first = line.find_first_not_of(" \t\xEF\xBB\xBF");
      if (line_number == 1 && first != std::string_view::npos && line[first] != '{' && line[first] != '[') {
        message += "; this is not JSON at all (--input-format text reads the file as text)";
      }
      throw InputError(path, line_number, message);
    }
    if (!slow_record_.is_object()) return;
    fields.is_object = true;
    fields.text = field_value(slow_record_, options.text_field);
    fields.id = field_value(slow_record_, options.id_field);
    if (!options.date_field.empty()) fields.date = field_value(slow_record_, options.date_field);
    if (!options.title_field.empty()) fields.title = field_value(slow_record_, options.title_field);
  }

  simdjson::dom::parser simdjson_parser_;
  simdjson::dom::object record_;  // the last record simdjson read, when it was an object
  bool slow_ = false;             // the last record was read by parse_slowly
  nlohmann::json slow_record_;  // owns the strings fields point to after parse_slowly
};

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "none" : out;
}

// Fills doc from one JSON record, line line_number of path (followed by SIMDJSON_PADDING
// readable bytes), and counts its fields. Throws InputError for a record that is not an object
// with a string text.
void fill_from_record(std::string_view line, const std::string& path, std::size_t line_number,
                      const ReaderOptions& options, RecordParser& parser, FieldCounts& counts, Document& doc) {
  auto fail = [&](const std::string& message) { throw InputError(path, line_number, message); };
  RecordFields record;
  parser.parse(line, path, line_number, options, record);
  if (!record.is_object) fail("a record must be a JSON object");
  if (record.text.kind == FieldValue::Kind::absent) {
    std::vector<std::string> names;
    parser.field_names(names);
    fail("record has no \"" + options.text_field + "\" field (the text field); it has: " + joined(names));
  }
  ++counts.records;
  const bool has_id = record.id.kind != FieldValue::Kind::absent && record.id.kind != FieldValue::Kind::null;
  const bool has_date = record.date.kind != FieldValue::Kind::absent && record.date.kind != FieldValue::Kind::null;
  const bool has_title = record.title.kind == FieldValue::Kind::string;
  counts.with_id += has_id;
  counts.with_date += has_date;
  counts.with_title += has_title;
  // Names are gathered only from records that lack a field the options name: the message for
  // a misspelt field needs them, and the records that have every field pay nothing.
  if (counts.names.size() < 40 && ((!options.date_field.empty() && !has_date) ||
                                   (options.id_field_named && !has_id) || (options.title_field_named && !has_title))) {
    std::vector<std::string> names;
    parser.field_names(names);
    counts.add_names(names);
  }
  if (record.text.kind != FieldValue::Kind::string) fail("field \"" + options.text_field + "\" is not a string");
  switch (record.id.kind) {
    case FieldValue::Kind::absent:
    case FieldValue::Kind::null:
      doc.id.assign(path).push_back(':');
      append_decimal(doc.id, line_number);
      break;
    case FieldValue::Kind::string:
      doc.id.assign(record.id.string);
      break;
    case FieldValue::Kind::signed_integer:
      doc.id.clear();
      append_decimal(doc.id, record.id.signed_integer);
      break;
    case FieldValue::Kind::unsigned_integer:
      doc.id.clear();
      append_decimal(doc.id, record.id.unsigned_integer);
      break;
    case FieldValue::Kind::other:
      fail("field \"" + options.id_field + "\" must be a string or an integer");
  }
  doc.date.reset();
  const FieldValue& date = record.date;
  if (date.kind != FieldValue::Kind::absent && date.kind != FieldValue::Kind::null) {
    if (date.kind != FieldValue::Kind::string) fail("field \"" + options.date_field + "\" is not a string");
    doc.date = parse_date(date.string);
    if (!doc.date) {
      fail("cannot read the date '" + std::string(date.string) +
           "' (write it as 2026-03-02, 2 March 2026, March 2, 2026 or 02-MAR-2026)");
    }
  }
  if (record.title.kind == FieldValue::Kind::string) {
    doc.title.assign(record.title.string);
  } else {
    doc.title.clear();
  }
  doc.text.assign(record.text.string);
  if (&doc.source != &path) doc.source = path;
  doc.line = line_number;
}




// What a source of documents holds, once its name and first bytes have been looked at.
enum class Content : std::uint8_t {
  text,         // one document
  jsonl,        // one record a line
  json_values,  // records one after another, over several lines each
  json_array,   // a JSON array of records
  csv,
  tsv,
  html,         // one document: the page's article text
  warc,         // a document for each HTML response
  unreadable,   // an image, a PDF, a binary: skipped in an archive
};

// The lower-cased extension of the last part of a path, dot included: "A/B.Tar.GZ" -> ".gz".
std::string extension_of(std::string_view path) {
  const auto slash = path.find_last_of("/:");
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string extension(name.substr(dot));
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return extension;
}

bool is_one_of(const std::string& extension, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), extension) != list.end();
}

bool is_compression_extension(const std::string& extension) {
  return is_one_of(extension, {".gz", ".xz", ".zst", ".bz2"});
}

// Names that promise a compressed file or an archive.
bool is_packed_extension(const std::string& extension) {
  return is_compression_extension(extension) || is_one_of(extension, {".tgz", ".tbz2", ".txz", ".tzst", ".tar", ".zip"});
}

// "x.jsonl.gz" -> "x.jsonl": the name a decompressed stream's format is judged by.
std::string without_compression_extension(const std::string& name) {
  const std::string extension = extension_of(name);
  return is_compression_extension(extension) ? name.substr(0, name.size() - extension.size()) : name;
}

// Formats that an archive may hold but comention cannot read: skipped and counted.
bool is_unreadable_extension(const std::string& extension) {
  return is_one_of(extension, {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico",
                               ".svg", ".mp3", ".mp4", ".wav", ".avi", ".mov", ".doc", ".docx", ".xls", ".xlsx",
                               ".ppt", ".pptx", ".odt", ".ods", ".odp", ".epub", ".exe", ".dll", ".so", ".o", ".a",
                               ".bin", ".class", ".jar", ".woff", ".woff2", ".ttf", ".otf", ".css", ".js"});
}

// The files a directory is searched for: .txt and .jsonl as before, .html, .htm and .warc,
// compressed ones (.jsonl.gz, .warc.gz) and archives. .json, .csv, .tsv and .ndjson files are read when named, or in an
// archive, but not picked up from a folder, where they are as often something else: graphs and
// mention lists written by comention, lookup tables, gazetteers (samples/ holds all of them).
bool is_document_name(const std::string& name) {
  std::string extension = extension_of(name);
  if (is_one_of(extension, {".tar", ".tgz", ".tbz2", ".txz", ".tzst", ".zip"})) return true;
  if (is_compression_extension(extension)) {
    const std::string inner = without_compression_extension(name);
    extension = extension_of(inner);
    if (extension == ".tar") return true;
  }
  // Not .ndjson either: comention mentions writes it. HTML pages are read, but the viewer
  // comention writes is skipped when met (is_comention_viewer).
  return is_one_of(extension, {".txt", ".jsonl", ".html", ".htm", ".warc"});
}

// The interactive viewer `comention build -o graph.html` writes, perhaps into the very folder of
// articles it was built from: its entity names would count as one more article.
bool is_comention_viewer(std::string_view head) {
  return head.find("<meta name=\"generator\" content=\"comention\">") != std::string_view::npos;
}

// Members skipped as a directory's hidden files are: a path part starting with '.', and the
// "__MACOSX/" folder of resource forks that zips made on macOS carry ("._story.txt" is binary).
bool is_hidden_member(std::string_view path) {
  for (std::size_t start = 0; start < path.size();) {
    const auto end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if ((!part.empty() && part.front() == '.' && part != "." && part != "..") || part == "__MACOSX") return true;
    start = end + 1;
  }
  return false;
}

// Binary content: a NUL byte, or the magic of an image or a PDF.
bool looks_binary(std::string_view head) {
  using namespace std::string_view_literals;
  return head.find('\0') != std::string_view::npos || head.starts_with("%PDF-") || head.starts_with("\x89PNG"sv) ||
         head.starts_with("\xFF\xD8\xFF"sv) || head.starts_with("GIF8") || head.starts_with("\x7F" "ELF");
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the content starts after a byte order mark and white space.
std::size_t content_start(std::string_view head) {
  std::size_t i = head.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  while (i < head.size() && is_json_space(head[i])) ++i;
  return i;
}

// Whether line holds whole JSON values: every bracket opened outside a string closed again.
bool closes_its_brackets(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return depth == 0 && !in_string;
}

// The first line of the input, up to 16 MB of it, without consuming it. It waits for the first
// line end and no further, so that JSON Lines on standard input stream from their first record.
std::string_view first_line(detail::InputBuffer& input) {
  for (;;) {
    const std::string_view head = input.buffered();
    const auto newline = head.find('\n');
    if (newline != std::string_view::npos) return head.substr(0, newline);
    if (head.size() >= (std::size_t{16} << 20) || !input.read_some()) return input.buffered();
  }
}

// JSON content, told by its first byte: '[' an array of records; '{' JSON Lines when the first
// line holds a whole record, else records over several lines each. Throws InputError naming
// the file when it holds no JSON at all.
Content json_content(detail::InputBuffer& input, const std::string& name, std::string_view why) {
  const std::string_view line = first_line(input);
  const std::size_t start = content_start(line);
  if (start == line.size()) {  // blank first line: look past it
    const std::string_view head = input.peek(4096);
    const std::size_t first = content_start(head);
    if (first == head.size()) return Content::jsonl;  // nothing but white space: no records
    if (head[first] == '[') return Content::json_array;
    if (head[first] == '{') return Content::json_values;
  } else if (line[start] == '[') {
    return Content::json_array;
  } else if (line[start] == '{') {
    return closes_its_brackets(line.substr(start)) ? Content::jsonl : Content::json_values;
  }
  std::size_t first = content_start(input.peek(4096));
  const std::string_view head = input.peek(first + 1);
  std::string found = first < head.size() ? "'" + std::string(1, head[first]) + "'" : "nothing";
  if (first < head.size() && static_cast<unsigned char>(head[first]) >= 0x80) found = "a non-ASCII byte";
  throw InputError(name, 1, std::string(why) + " but does not hold JSON: it starts with " + found +
                                ", not '{' or '['; --input-format text reads it as text");
}

// A CSV or TSV header naming the text column, for standard input, whose name says nothing.
std::optional<Content> table_content(std::string_view line, const ReaderOptions& options) {
  if (line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const char separator = line.find('\t') != std::string_view::npos ? '\t' : ',';
  if (line.find(separator) == std::string_view::npos) return std::nullopt;
  for (std::size_t start = 0; start <= line.size();) {
    const auto end = std::min(line.find(separator, start), line.size());
    std::string_view name = line.substr(start, end - start);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    if (name == options.text_field) return separator == '\t' ? Content::tsv : Content::csv;
    start = end + 1;
  }
  return std::nullopt;
}

constexpr std::size_t kMaxNesting = 8;  // archives inside archives, for a zip bomb's sake
constexpr std::size_t kSniffBytes = 512;  // a tar header: enough to tell every format by its start

void reject_duplicates(const std::vector<std::string>& files) {
  // A file named twice (directly, or also through its folder) would count its documents twice.
  std::map<std::string, const std::string*> seen;
  for (const std::string& file : files) {
    std::error_code error;
    const std::string key = file == "-" ? file : fs::weakly_canonical(file, error).string();
    const auto [it, inserted] = seen.emplace(error ? file : key, &file);
    if (!inserted) {
      throw InputError(file, file == *it->second ? "given twice; its documents would count twice"
                                                 : "is the same file as " + *it->second +
                                                       "; its documents would count twice");
    }
  }
}

}  // namespace

void FieldCounts::add_names(const std::vector<std::string>& more) {
  // The 40 first in order of all names seen, whatever order threads merge in: trimming after
  // each insertion keeps exactly those.
  for (const std::string& name : more) {
    const auto at = std::lower_bound(names.begin(), names.end(), name);
    if (at == names.end() || *at != name) names.insert(at, name);
    if (names.size() > 40) names.pop_back();
  }
}

void FieldCounts::merge(const FieldCounts& other) {
  records += other.records;
  with_id += other.with_id;
  with_date += other.with_date;
  with_title += other.with_title;
  add_names(other.names);
}

void check_named_fields(const FieldCounts& counts, const ReaderOptions& options) {
  if (counts.records == 0) return;  // text files only: no record to have a field
  auto check = [&](bool named, std::uint64_t with, const std::string& field, const char* option) {
    if (!named || with > 0) return;
    throw UsageError(std::string(option) + " " + field + ": no record has this field; records have: " +
                     joined(counts.names));
  };
  check(!options.date_field.empty(), counts.with_date, options.date_field, "--date-field");
  check(options.id_field_named, counts.with_id, options.id_field, "--id-field");
  check(options.title_field_named, counts.with_title, options.title_field, "--title-field");
}

// Every input file in turn, each member of an archive in turn, and the documents of each.
class DocumentReader::Sources {
 public:
  Sources(const std::vector<std::string>& files, const ReaderOptions& options) : files_(files), options_(options) {}

  bool next_raw(RawDocument& raw) {
    for (;;) {
      if (!open_ && !open_next()) return false;
      if (read_document(raw)) return true;
      open_ = false;
    }
  }

  bool next(Document& doc) {
    if (!next_raw(scratch_)) return false;
    if (!scratch_.record.empty()) {
      const std::string_view record(scratch_.record.data(), scratch_.record.size() - simdjson::SIMDJSON_PADDING);
      fill_from_record(record, scratch_.document.source, scratch_.document.line, options_, parser_, counts_,
                       scratch_.document);
      scratch_.record.clear();
    }
    std::swap(doc, scratch_.document);
    return true;
  }

  std::uint64_t bytes_read() const noexcept { return file_.consumed(); }
  FieldCounts& counts() noexcept { return counts_; }
  const FieldCounts& counts() const noexcept { return counts_; }
  const SkippedInputs& skipped() const noexcept { return skipped_; }

 private:
  // An archive or a compressed file being read, and the buffer its current member is read
  // through. A member that is itself an archive gets a level of its own on top.
  struct Level {
    std::unique_ptr<detail::ArchiveInput> archive;
    detail::InputBuffer member;
    std::string name;         // the archive's name in ids and errors: "a.tar.gz", "a.zip:b.tar"
    std::string format_name;  // a compressed file's name without its suffix: "a.jsonl"
  };

  // Moves to the next source of documents: a file, or a member of an archive. False at the end.
  bool open_next() {
    for (;;) {
      if (!levels_.empty()) {
        Level& level = *levels_.back();
        std::string path;
        if (!level.archive->next_member(path)) {
          if (const std::uint64_t passed_over = level.archive->passed_over(); passed_over > 0) {
            if (skipped_.archive_members == 0) skipped_.first_member = level.name + ":" + level.archive->first_passed_over();
            skipped_.archive_members += passed_over;
          }
          levels_.pop_back();
          continue;
        }
        const bool single = level.archive->single_stream();
        const std::string name = single ? level.name : level.name + ":" + path;
        level.member.open_stream(*level.archive, name);
        // A compressed file inside an archive (a.zip:b.txt.gz) is still an archive's member.
        const bool in_archive = std::any_of(levels_.begin(), levels_.end(),
                                            [](const auto& each) { return !each->archive->single_stream(); });
        if (start(level.member, name, single ? level.format_name : path, in_archive)) return true;
        continue;
      }
      if (next_file_ >= files_.size()) return false;
      const std::string& path = files_[next_file_++];
      file_.open_file(path);
      if (start(file_, path, path, false)) return true;
    }
  }

  // Decides what input holds and gets ready to read it; false when it is an archive (its
  // members come next) or a member skipped as unreadable.
  bool start(detail::InputBuffer& input, const std::string& name, const std::string& format_name, bool in_archive) {
    const std::string extension = extension_of(format_name);
    // A tar file says so only at byte 257, after its first member's name, which may start like
    // anything ("[Reuters] story.txt"), so a file is always looked at over its first block. On
    // standard input JSON Lines must stream, and a short first record must not wait for more:
    // there the look stops at the first line end, which no tar header holds before byte 257.
    std::string_view head;
    if (name != "-") {
      head = input.peek(kSniffBytes);
    } else {
      // What has arrived, and more only while it is short of both a line end and a block.
      for (;;) {
        head = input.available();
        if (head.size() >= kSniffBytes || head.find('\n') != std::string_view::npos) break;
        if (!input.read_some()) {
          head = input.available();
          break;
        }
      }
      head = head.substr(0, std::min(head.size(), kSniffBytes));
    }
    if (detail::is_compressed_or_archive(head)) {
      if (levels_.size() >= kMaxNesting) {
        throw InputError(name, "archives nested more than " + std::to_string(kMaxNesting) + " deep");
      }
      auto level = std::make_unique<Level>();
      level->name = name;
      level->format_name = without_compression_extension(format_name);
      level->archive = std::make_unique<detail::ArchiveInput>(input, name);
      levels_.push_back(std::move(level));
      return false;
    }
    if (is_packed_extension(extension)) {
      throw InputError(name, "the name says " + extension.substr(1) +
                                 ", but the content is not compressed or archived (no such magic bytes at its start)");
    }
    if (in_archive && (is_unreadable_extension(extension) || is_hidden_member(format_name))) return skip(name);
    content_ = decide(input, name, format_name, extension, in_archive);
    if (content_ == Content::unreadable) return skip(name);
    if (content_ == Content::html && is_comention_viewer(input.peek(1024))) {
      if (skipped_.viewer_pages++ == 0) skipped_.first_viewer_page = name;
      return false;
    }
    input_ = &input;
    name_ = name;
    line_ = 0;
    text_read_ = false;
    switch (content_) {
      case Content::json_values:
      case Content::json_array:
        values_ = std::make_unique<detail::JsonValueSplitter>(input, content_ == Content::json_array);
        break;
      case Content::csv:
      case Content::tsv:
        start_table();
        break;
      case Content::warc:
        warc_ = std::make_unique<WarcReader>([this](char* buffer, std::size_t size) { return input_->read(buffer, size); },
                                             name);
        break;
      default:
        break;
    }
    open_ = true;
    return true;
  }

  Content decide(detail::InputBuffer& input, const std::string& name, const std::string& format_name,
                 const std::string& extension, bool in_archive) {
    switch (options_.format) {
      case InputFormat::text: return Content::text;
      case InputFormat::jsonl: return Content::jsonl;
      case InputFormat::json: return json_content(input, name, "--input-format json is given");
      case InputFormat::csv: return Content::csv;
      case InputFormat::tsv: return Content::tsv;
      case InputFormat::html: return Content::html;
      case InputFormat::warc: return Content::warc;
      case InputFormat::automatic: break;
    }
    if (is_one_of(extension, {".jsonl", ".ndjson"})) return Content::jsonl;
    if (extension == ".json") return json_content(input, name, "it is named " + extension);
    if (extension == ".csv") return Content::csv;
    if (is_one_of(extension, {".tsv", ".tab"})) return Content::tsv;
    if (extension == ".txt") return Content::text;
    if (is_one_of(extension, {".html", ".htm", ".xhtml"})) return Content::html;
    // What the first line brings (and whatever came with it) is enough to tell: waiting for more
    // would hold up standard input.
    first_line(input);
    const std::string_view head = input.buffered();
    const bool warc = looks_like_warc(head);
    if (extension == ".warc") {
      if (!warc) throw InputError(name, 1, "it is named .warc but does not start with a WARC/1.x version line");
      return Content::warc;
    }
    if (in_archive && looks_binary(head)) return Content::unreadable;
    if (format_name != "-" && !in_archive) return Content::text;  // a name, but not one of a format: as before, text
    // Standard input, or an archive member of no known extension: its first bytes tell.
    if (warc) return Content::warc;
    if (looks_like_html(head)) return Content::html;
    if (format_name != "-") return Content::text;
    const std::size_t start = content_start(head);
    if (start < head.size()) {
      const std::size_t next = content_start(head.substr(start + 1)) + start + 1;
      const char after = next < head.size() ? head[next] : '\0';
      if ((head[start] == '[' && (after == '{' || after == ']')) || (head[start] == '{' && (after == '"' || after == '}'))) {
        return json_content(input, name, "");
      }
    }
    if (const auto table = table_content(first_line(input), options_)) return *table;
    return Content::text;
  }

  bool skip(const std::string& name) {
    if (skipped_.archive_members++ == 0) skipped_.first_member = name;
    return false;
  }

  // The next document of the open source into raw; false when it has no more.
  bool read_document(RawDocument& raw) {
    switch (content_) {
      case Content::text:
      case Content::unreadable:
        if (text_read_) return false;
        text_read_ = true;
        raw.record.clear();
        read_text(raw.document);
        return true;
      case Content::jsonl: {
        std::string_view line;
        if (!next_record(line)) return false;
        raw.record.assign(line);
        raw.record.append(simdjson::SIMDJSON_PADDING, '\0');
        raw.document.text.clear();  // filled by the parser; what a reused slot held is stale
        raw.document.source = name_;
        raw.document.line = line_;
        return true;
      }
      case Content::json_values:
      case Content::json_array:
        if (!values_->next(raw.record, line_)) return false;
        raw.document.text.clear();
        raw.document.source = name_;
        raw.document.line = line_;
        return true;
      case Content::csv:
      case Content::tsv:
        raw.record.clear();
        return read_table_row(raw.document);
      case Content::html:
        if (text_read_) return false;
        text_read_ = true;
        raw.record.clear();
        read_html(raw.document);
        return true;
      case Content::warc:
        raw.record.clear();
        return read_warc_page(raw.document);
    }
    return false;
  }

  void read_html(Document& doc) {
    page_.clear();
    input_->read_rest(page_);
    HtmlText html = extract_html_text(page_, "", name_);
    doc.text = std::move(html.text);
    doc.title = std::move(html.title);
    doc.date.reset();
    doc.id = name_;
    doc.source = name_;
    doc.line = 1;
  }

  // The next response of the WARC file that is an HTML page, as a document; the records passed
  // over on the way are counted by kind.
  bool read_warc_page(Document& doc) {
    while (warc_->next(record_)) {
      if (record_.type != "response") {
        ++skipped_.warc_other_records;
        continue;
      }
      if (record_.block_skipped) {
        ++skipped_.warc_oversized;
        continue;
      }
      if (record_.http_status < 200 || record_.http_status > 299) {
        ++skipped_.warc_not_ok;
        continue;
      }
      const std::string_view type = std::string_view(record_.http_content_type).substr(0, record_.http_content_type.find(';'));
      auto is_type = [&](std::string_view wanted) {
        std::string_view trimmed = type;
        while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
        while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
        if (trimmed.size() != wanted.size()) return false;
        for (std::size_t i = 0; i < wanted.size(); ++i) {
          const char c = trimmed[i];
          if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != wanted[i]) return false;
        }
        return true;
      };
      if (!is_type("text/html") && !is_type("application/xhtml+xml")) {
        ++skipped_.warc_not_html;
        continue;
      }
      if (!record_.http_content_encoding.empty()) {
        ++skipped_.warc_encoded;
        continue;
      }
      // One page in a crawl that cannot be read (nested thousands deep, an HTTP charset iconv
      // does not know) is counted and reported, as the other responses passed over are; a
      // single page given as a file is an error instead.
      HtmlText html;
      try {
        html = extract_html_text(record_.body, charset_parameter(record_.http_content_type),
                                 name_ + ":" + std::to_string(record_.first_line));
      } catch (const InputError&) {
        ++skipped_.warc_unreadable;
        continue;
      }
      ++skipped_.warc_pages;
      doc.text = std::move(html.text);
      doc.title = std::move(html.title);
      doc.id = record_.target_uri.empty() ? name_ + ":" + std::to_string(record_.first_line) : record_.target_uri;
      doc.source = name_;
      doc.line = record_.first_line;
      // Dated by WARC-Date; --date-field names another header to date by instead.
      const bool other_header = !options_.date_field.empty() && options_.date_field != "WARC-Date";
      const std::string* date = other_header ? record_.find_header(options_.date_field) : &record_.date;
      doc.date.reset();
      if (date && !date->empty()) {
        doc.date = parse_date(*date);
        if (!doc.date) throw InputError(name_, record_.first_line, "cannot read the date '" + *date + "'");
      }
      if (!options_.date_field.empty()) {
        ++counts_.records;
        counts_.with_date += doc.date.has_value();
        if (!doc.date && counts_.names.size() < 40) {
          std::vector<std::string> names;
          for (const auto& header : record_.headers) names.push_back(header.first);
          counts_.add_names(names);
        }
      }
      return true;
    }
    return false;
  }

  // The next non-blank line of JSON Lines, counted in line_.
  bool next_record(std::string_view& line) {
    while (input_->next_line(line)) {
      ++line_;
      if (line_ == 1 && line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank: no record
      return true;
    }
    return false;
  }

  void read_text(Document& doc) {
    doc.text.clear();
    input_->read_rest(doc.text);
    doc.date.reset();
    doc.title.clear();
    doc.id = name_;
    doc.source = name_;
    doc.line = 1;
    // simdjson's check runs at many bytes a cycle; find_invalid_utf8, which has the last word
    // as before, only locates the error for the message.
    if (!simdjson::validate_utf8(doc.text.data(), doc.text.size())) {
      if (const auto bad = find_invalid_utf8(doc.text)) throw_invalid_utf8(name_, 1, doc.text, *bad);
    }
  }

  // Reads the header row and finds the columns the options name; the text column must be there.
  void start_table() {
    csv_ = std::make_unique<detail::CsvParser>(*input_, content_ == Content::tsv ? '\t' : ',');
    header_.clear();
    if (!csv_->next(header_)) {  // an empty file: no records
      csv_.reset();
      return;
    }
    auto column = [&](const std::string& field) -> std::ptrdiff_t {
      if (field.empty()) return -1;
      const auto at = std::find(header_.begin(), header_.end(), field);
      return at == header_.end() ? -1 : at - header_.begin();
    };
    text_column_ = column(options_.text_field);
    id_column_ = column(options_.id_field);
    date_column_ = column(options_.date_field);
    title_column_ = column(options_.title_field);
    if (text_column_ < 0) {
      throw InputError(name_, csv_->line(), "no column \"" + options_.text_field + "\" (the text field) in the header; columns: " +
                                               joined(header_));
    }
    if ((!options_.date_field.empty() && date_column_ < 0) || (options_.id_field_named && id_column_ < 0) ||
        (options_.title_field_named && title_column_ < 0)) {
      counts_.add_names(header_);
    }
  }

  bool read_table_row(Document& doc) {
    if (!csv_ || !csv_->next(row_)) return false;
    const std::size_t line = csv_->line();
    auto fail = [&](const std::string& message) { throw InputError(name_, line, message); };
    if (row_.size() != header_.size()) {
      fail("this row has " + std::to_string(row_.size()) + (row_.size() == 1 ? " field" : " fields") + ", the header " +
           std::to_string(header_.size()) + " (" + joined(header_) +
           "); a field holding the separator, a quote or a line end must be in double quotes");
    }
    // Each field the reader takes is checked for UTF-8, with its column in the message.
    auto field = [&](std::ptrdiff_t column) -> const std::string& {
      const std::string& value = row_[static_cast<std::size_t>(column)];
      if (!simdjson::validate_utf8(value.data(), value.size())) {
        if (const auto bad = find_invalid_utf8(value)) {
          throw InputError(name_, line, "column " + std::to_string(column + 1) + " (" + header_[static_cast<std::size_t>(column)] +
                                            "): invalid UTF-8 at its byte " + std::to_string(*bad + 1) +
                                            "; convert the file to UTF-8 first, e.g. with iconv");
        }
      }
      return value;
    };
    ++counts_.records;
    doc.text = field(text_column_);
    if (id_column_ >= 0 && !row_[static_cast<std::size_t>(id_column_)].empty()) {
      doc.id = field(id_column_);
      ++counts_.with_id;
    } else {
      doc.id.assign(name_).push_back(':');
      append_decimal(doc.id, line);
    }
    doc.date.reset();
    if (date_column_ >= 0 && !row_[static_cast<std::size_t>(date_column_)].empty()) {
      const std::string& date = field(date_column_);
      doc.date = parse_date(date);
      if (!doc.date) {
        fail("cannot read the date '" + date + "' (write it as 2026-03-02, 2 March 2026, March 2, 2026 or 02-MAR-2026)");
      }
      ++counts_.with_date;
    }
    doc.title.clear();
    if (title_column_ >= 0) {
      doc.title = field(title_column_);
      counts_.with_title += !doc.title.empty();
    }
    doc.source = name_;
    doc.line = line;
    return true;
  }

  const std::vector<std::string>& files_;
  const ReaderOptions& options_;
  std::size_t next_file_ = 0;
  detail::InputBuffer file_;  // the file being read: JSON Lines from it are the fast path
  std::vector<std::unique_ptr<Level>> levels_;

  // The source being read: a file, standard input, or a member of levels_.back().
  bool open_ = false;
  detail::InputBuffer* input_ = nullptr;
  std::string name_;  // in ids and errors
  Content content_ = Content::text;
  std::size_t line_ = 0;
  bool text_read_ = false;
  std::unique_ptr<detail::JsonValueSplitter> values_;
  std::unique_ptr<detail::CsvParser> csv_;
  std::unique_ptr<WarcReader> warc_;
  WarcRecord record_;  // the WARC record being read, its buffers kept from one to the next
  std::string page_;   // an HTML file's bytes
  std::vector<std::string> header_;
  std::vector<std::string> row_;
  std::ptrdiff_t text_column_ = -1;
  std::ptrdiff_t id_column_ = -1;
  std::ptrdiff_t date_column_ = -1;
  std::ptrdiff_t title_column_ = -1;

  RecordParser parser_;  // for next()
  RawDocument scratch_;
  FieldCounts counts_;
  SkippedInputs skipped_;
};

DocumentReader::DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options)
    : options_(std::move(options)) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      files_.push_back(input);
      continue;
    }
    std::error_code error;
    const auto status = fs::status(input, error);
    if (!fs::exists(status)) {
      throw InputError(input, error && error != std::errc::no_such_file_or_directory
                                  ? "cannot read (" + error.message() + ")"
                                  : std::string("no such file or directory"));
    }
    if (!fs::is_directory(status)) {
      files_.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    // An unreadable folder inside is an error, not a silent gap in the corpus.
    fs::recursive_directory_iterator it(input, fs::directory_options::none, error);
    if (error) throw InputError(input, "cannot read directory (" + error.message() + ")");
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) throw InputError(input, "cannot read directory (" + error.message() + ")");
      const fs::path& path = it->path();
      const std::string name = path.filename().string();
      if (!name.empty() && name.front() == '.') {  // hidden files and folders: editor leftovers
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && is_document_name(name)) found.push_back(path.string());
    }
    if (found.empty()) {
      throw InputError(input, "no .txt or .jsonl files in this directory (nor .html, .warc, compressed ones such as "
                              ".jsonl.gz, or archives: .tar.gz, .tgz, .zip ...)");
    }
    std::sort(found.begin(), found.end());
    files_.insert(files_.end(), found.begin(), found.end());
  }
  reject_duplicates(files_);
  sources_ = std::make_unique<Sources>(files_, options_);
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::next(Document& doc) { return sources_->next(doc); }

bool DocumentReader::next_raw(RawDocument& raw) { return sources_->next_raw(raw); }

std::uint64_t DocumentReader::bytes_read() const noexcept { return sources_->bytes_read(); }

const FieldCounts& DocumentReader::field_counts() const noexcept { return sources_->counts(); }

void DocumentReader::add_field_counts(const FieldCounts& counts) { sources_->counts().merge(counts); }

const SkippedInputs& DocumentReader::skipped() const noexcept { return sources_->skipped(); }

std::size_t RawDocument::input_bytes() const noexcept {
  return record.empty() ? document.text.size() : record.size() - simdjson::SIMDJSON_PADDING;
}

DocumentParser::DocumentParser(ReaderOptions options)
    : options_(std::move(options)), parser_(std::make_unique<RecordParser>()) {}

DocumentParser::~DocumentParser() = default;

void DocumentParser::parse(RawDocument& raw) {
  if (raw.record.empty()) return;
  const std::string_view line(raw.record.data(), raw.record.size() - simdjson::SIMDJSON_PADDING);
  fill_from_record(line, raw.document.source, raw.document.line, options_, *parser_, counts_, raw.document);
  raw.record.clear();
}

}  // namespace comention
