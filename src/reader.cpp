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
#include "comention/text.hpp"

namespace comention {
namespace fs = std::filesystem;

namespace {

bool has_extension(const fs::path& path, std::string_view extension) {
  return path.extension() == extension;
}

bool is_jsonl_path(const std::string& path) { return has_extension(path, ".jsonl"); }

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

std::string system_reason() { return std::strerror(errno); }

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

// JSON Lines are read in blocks of this size; a longer line is held whole.
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

// Splits a file or standard input into lines. It reads blocks of kBlockBytes with read(2), so
// standard input streams and no read error passes for the end of the input; it holds at most
// one block, or the current line when that is longer. Every line it returns is followed by
// SIMDJSON_PADDING bytes that belong to the buffer, which simdjson needs to parse it in place.
class DocumentReader::LineSource {
 public:
  LineSource() = default;
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;
  ~LineSource() { close(); }

  // Starts on path, or on standard input for "-"; throws InputError when it cannot be opened.
  void open(const std::string& path) {
    close();
    const bool from_stdin = path == "-";
    fd_ = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError(path, "cannot open file (" + system_reason() + ")");
    owns_fd_ = !from_stdin;
    path_ = path;
    begin_ = scanned_ = end_ = 0;
    at_end_ = false;
    if (!buffer_ || capacity_ != kBlockBytes) reallocate(kBlockBytes);
  }

  void close() noexcept {
    if (owns_fd_) ::close(fd_);
    fd_ = -1;
    owns_fd_ = false;
  }

  // Bytes handed out as lines so far, line ends included, over every file read.
  std::uint64_t consumed() const noexcept { return consumed_; }

  // The next line without its '\n', valid until the next call; false at the end of the input.
  // The last line needs no '\n'. Throws InputError when reading fails.
  bool next(std::string_view& line) {
    for (;;) {
      char* const data = buffer_.get();
      if (const void* newline = std::memchr(data + scanned_, '\n', end_ - scanned_)) {
        const auto line_end = static_cast<std::size_t>(static_cast<const char*>(newline) - data);
        line = std::string_view(data + begin_, line_end - begin_);
        consumed_ += line_end + 1 - begin_;
        begin_ = scanned_ = line_end + 1;
        return true;
      }
      scanned_ = end_;
      if (at_end_) {
        if (begin_ == end_) return false;
        line = std::string_view(data + begin_, end_ - begin_);
        consumed_ += end_ - begin_;
        begin_ = scanned_ = end_;
        return true;
      }
      read_more();
    }
  }

 private:
  // Moves the unfinished line to the front of the buffer and reads after it, growing the
  // buffer when the line fills it and shrinking it back once a long line is behind us.
  void read_more() {
    const std::size_t pending = end_ - begin_;
    if (begin_ > 0) {
      std::memmove(buffer_.get(), buffer_.get() + begin_, pending);
      scanned_ -= begin_;
      begin_ = 0;
      end_ = pending;
    }
    if (end_ == capacity_) {
      reallocate(capacity_ * 2);
    } else if (capacity_ > kBlockBytes && pending < kBlockBytes / 2) {
      reallocate(kBlockBytes);
    }
    ssize_t count = 0;
    do {
      count = ::read(fd_, buffer_.get() + end_, capacity_ - end_);
    } while (count < 0 && errno == EINTR);
    if (count < 0) throw InputError(path_, "cannot read file (" + system_reason() + ")");
    if (count == 0) {
      at_end_ = true;
    } else {
      end_ += static_cast<std::size_t>(count);
      clear_padding();
    }
  }

  void reallocate(std::size_t capacity) {
    auto buffer = std::make_unique_for_overwrite<char[]>(capacity + simdjson::SIMDJSON_PADDING);
    if (buffer_) std::memcpy(buffer.get(), buffer_.get(), end_);
    buffer_ = std::move(buffer);
    capacity_ = capacity;
    clear_padding();
  }

  // simdjson reads up to SIMDJSON_PADDING bytes past a line; past the data they must at least be
  // initialised (for valgrind), and zeroing 64 bytes costs less than zeroing the whole buffer.
  void clear_padding() noexcept { std::memset(buffer_.get() + end_, 0, simdjson::SIMDJSON_PADDING); }

  std::unique_ptr<char[]> buffer_;  // capacity_ + SIMDJSON_PADDING bytes
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;    // the unread data is [begin_, end_)
  std::size_t scanned_ = 0;  // [begin_, scanned_) holds no '\n'
  std::size_t end_ = 0;
  bool at_end_ = false;  // read(2) returned 0
  std::uint64_t consumed_ = 0;
  int fd_ = -1;
  bool owns_fd_ = false;  // false for standard input, which stays open
  std::string path_;      // for error messages
};

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
    if (simdjson_parser_.parse(line.data(), line.size(), false).get(root) != simdjson::SUCCESS) {
      parse_slowly(line, path, line_number, options, fields);
      return;
    }
    simdjson::dom::object record;
    if (root.get_object().get(record) != simdjson::SUCCESS) return;
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

 private:
  void parse_slowly(std::string_view line, const std::string& path, std::size_t line_number,
                    const ReaderOptions& options, RecordFields& fields) {
    if (const auto bad = find_invalid_utf8(line)) throw_invalid_utf8(path, line_number, line, *bad);
    try {
      slow_record_ = nlohmann::json::parse(line.begin(), line.end());
    } catch (const nlohmann::json::exception& error) {
      // parse_error, and out_of_range for a number like 1e400 that overflows a double.
      throw InputError(path, line_number, "malformed JSON record: " + json_reason(error));
    }
    if (!slow_record_.is_object()) return;
    fields.is_object = true;
    fields.text = field_value(slow_record_, options.text_field);
    fields.id = field_value(slow_record_, options.id_field);
    if (!options.date_field.empty()) fields.date = field_value(slow_record_, options.date_field);
    if (!options.title_field.empty()) fields.title = field_value(slow_record_, options.title_field);
  }

  simdjson::dom::parser simdjson_parser_;
  nlohmann::json slow_record_;  // owns the strings fields point to after parse_slowly
};

namespace {

// Fills doc from one JSON Lines record, line line_number of path (followed by SIMDJSON_PADDING
// readable bytes). Throws InputError for a record that is not an object with a string text.
void fill_from_record(std::string_view line, const std::string& path, std::size_t line_number,
                      const ReaderOptions& options, RecordParser& parser, Document& doc) {
  auto fail = [&](const std::string& message) { throw InputError(path, line_number, message); };
  RecordFields record;
  parser.parse(line, path, line_number, options, record);
  if (!record.is_object) fail("a JSON Lines record must be an object");
  if (record.text.kind == FieldValue::Kind::absent) fail("record has no \"" + options.text_field + "\" field");
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

}  // namespace

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
      if (it->is_regular_file() && (has_extension(path, ".txt") || has_extension(path, ".jsonl"))) {
        found.push_back(path.string());
      }
    }
    if (found.empty()) throw InputError(input, "no .txt or .jsonl files in this directory");
    std::sort(found.begin(), found.end());
    files_.insert(files_.end(), found.begin(), found.end());
  }
  reject_duplicates();
}

void DocumentReader::reject_duplicates() const {
  // A file named twice (directly, or also through its folder) would count its documents twice.
  std::map<std::string, const std::string*> seen;
  for (const std::string& file : files_) {
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

DocumentReader::~DocumentReader() = default;

bool DocumentReader::open_next_file() {
  file_open_ = false;
  if (next_file_ >= files_.size()) return false;
  current_path_ = files_[next_file_++];
  current_line_ = 0;
  const bool from_stdin = current_path_ == "-";
  current_is_jsonl_ = options_.format == InputFormat::jsonl ||
                      (!from_stdin && options_.format == InputFormat::automatic && is_jsonl_path(current_path_));
  if (current_is_jsonl_) {
    if (!lines_) lines_ = std::make_unique<LineSource>();
    if (!parser_) parser_ = std::make_unique<RecordParser>();
    lines_->open(current_path_);
  }
  file_open_ = true;
  return true;
}

std::uint64_t DocumentReader::bytes_read() const noexcept {
  return text_bytes_read_ + (lines_ ? lines_->consumed() : 0);
}

void DocumentReader::read_whole_text(std::string& content) const {
  // read(2) rather than a stream, so that no read error (EISDIR for a folder on standard
  // input, EIO) passes for the end of the file.
  const bool from_stdin = current_path_ == "-";
  const int fd = from_stdin ? STDIN_FILENO : ::open(current_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(current_path_, "cannot open file (" + system_reason() + ")");
  // Read straight into content, reusing its capacity: sized for the whole file when its size
  // is known (+ 1 so that the read seeing the end needs no more room), doubled when it grows.
  struct stat status {};
  const bool sized = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
  content.resize(sized ? static_cast<std::size_t>(status.st_size) + 1 : std::size_t{1} << 16);
  std::size_t size = 0;
  for (;;) {
    if (size == content.size()) content.resize(std::max(content.size() * 2, std::size_t{1} << 12));
    const ssize_t count = ::read(fd, content.data() + size, content.size() - size);
    if (count > 0) {
      size += static_cast<std::size_t>(count);
    } else if (count == 0) {
      break;
    } else if (errno != EINTR) {
      const std::string why = system_reason();
      if (!from_stdin) ::close(fd);
      throw InputError(current_path_, "cannot read file (" + why + ")");
    }
  }
  content.resize(size);
  if (!from_stdin) ::close(fd);
}

void DocumentReader::read_text_document(Document& doc) {
  file_open_ = false;
  read_whole_text(doc.text);
  text_bytes_read_ += doc.text.size();
  doc.date.reset();
  doc.id = current_path_;
  doc.source = current_path_;
  doc.line = 1;
  // simdjson's check runs at many bytes a cycle; find_invalid_utf8, which has the last word
  // as before, only locates the error for the message.
  if (!simdjson::validate_utf8(doc.text.data(), doc.text.size())) {
    if (const auto bad = find_invalid_utf8(doc.text)) throw_invalid_utf8(current_path_, 1, doc.text, *bad);
  }
}

bool DocumentReader::next(Document& doc) {
  for (;;) {
    if (!file_open_ && !open_next_file()) return false;
    if (!current_is_jsonl_) {  // a text file is one document
      read_text_document(doc);
      return true;
    }
    std::string_view line;
    if (next_record(line)) {
      fill_from_record(line, current_path_, current_line_, options_, *parser_, doc);
      return true;
    }
    lines_->close();
    file_open_ = false;
  }
}

bool DocumentReader::next_raw(RawDocument& raw) {
  for (;;) {
    if (!file_open_ && !open_next_file()) return false;
    if (!current_is_jsonl_) {
      raw.record.clear();
      read_text_document(raw.document);
      return true;
    }
    std::string_view line;
    if (next_record(line)) {
      raw.record.assign(line);
      raw.record.append(simdjson::SIMDJSON_PADDING, '\0');
      raw.document.text.clear();  // filled by the parser; what a reused slot held is stale
      raw.document.source = current_path_;
      raw.document.line = current_line_;
      return true;
    }
    lines_->close();
    file_open_ = false;
  }
}

bool DocumentReader::next_record(std::string_view& line) {
  while (lines_->next(line)) {
    ++current_line_;
    if (current_line_ == 1 && line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank: no record
    return true;
  }
  return false;
}

std::size_t RawDocument::input_bytes() const noexcept {
  return record.empty() ? document.text.size() : record.size() - simdjson::SIMDJSON_PADDING;
}

DocumentParser::DocumentParser(ReaderOptions options)
    : options_(std::move(options)), parser_(std::make_unique<RecordParser>()) {}

DocumentParser::~DocumentParser() = default;

void DocumentParser::parse(RawDocument& raw) {
  if (raw.record.empty()) return;
  const std::string_view line(raw.record.data(), raw.record.size() - simdjson::SIMDJSON_PADDING);
  fill_from_record(line, raw.document.source, raw.document.line, options_, *parser_, raw.document);
  raw.record.clear();
}

}  // namespace comention
