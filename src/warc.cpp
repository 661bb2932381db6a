#include "comention/warc.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "comention/error.hpp"

namespace comention {
namespace {

// Bytes asked of the source at a time.
constexpr std::size_t kReadSize = 64 * 1024;
// No header line of a real record comes near this; past it the input is not WARC, and reading on
// for a line end would hold an arbitrary amount of it in memory.
constexpr std::size_t kMaxHeaderLine = 64 * 1024;

char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// A line as it may appear in a message: cut short, and with control and non-ASCII bytes shown as
// '?', so that binary garbage (a file still compressed) does not end up in a terminal.
std::string excerpt(std::string_view line) {
  constexpr std::size_t kMaxShown = 60;
  std::string shown;
  for (const char c : line.substr(0, kMaxShown)) {
    const auto byte = static_cast<unsigned char>(c);
    shown += (byte < 0x20 || byte >= 0x7F) ? '?' : c;
  }
  if (line.size() > kMaxShown) shown += "...";
  return shown;
}

// Content-Length: decimal digits only, as the standard has it; false for anything else.
bool parse_length(std::string_view text, std::uint64_t& length) noexcept {
  if (text.empty()) return false;
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return false;
    value = value * 10 + digit;
  }
  length = value;
  return true;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The size at the start of a chunk-size line ("1a2b;name=value"), or false if it has none.
bool parse_chunk_size(std::string_view line, std::uint64_t& size) noexcept {
  line = trim(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15) return false;  // 15 hex digits: far past any real chunk
  std::uint64_t value = 0;
  for (const char c : line) {
    const int digit = hex_value(c);
    if (digit < 0) return false;
    value = value * 16 + static_cast<std::uint64_t>(digit);
  }
  size = value;
  return true;
}

// Undoes chunked transfer coding in place. A body that does not start with a chunk-size line is
// left as it is (a server that said chunked and sent plain bytes); one cut short, as a truncated
// record is, keeps the chunks it holds.
void dechunk(std::string& body) {
  std::size_t read = 0;
  std::size_t written = 0;
  while (true) {
    const std::size_t line_end = body.find('\n', read);
    if (line_end == std::string::npos) break;
    std::uint64_t size = 0;
    if (!parse_chunk_size(std::string_view(body).substr(read, line_end - read), size)) {
      if (read == 0) return;
      break;
    }
    read = line_end + 1;
    if (size == 0) break;  // the last chunk; trailers after it are not payload
    const std::size_t available = body.size() - read;
    const std::size_t taken = size < available ? static_cast<std::size_t>(size) : available;
    std::memmove(body.data() + written, body.data() + read, taken);
    written += taken;
    read += taken;
    if (taken < size) break;
    if (read < body.size() && body[read] == '\r') ++read;
    if (read < body.size() && body[read] == '\n') ++read;
  }
  body.resize(written);
}

// Appends the codings of a Content-Encoding or Transfer-Encoding value to codings, lower case,
// leaving out "identity" (and "chunked", which dechunk undoes). Returns whether the last coding
// named is chunked.
bool collect_codings(std::string_view value, std::string& codings) {
  bool last_is_chunked = false;
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    const std::string_view coding = trim(value.substr(0, comma));
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    if (coding.empty()) continue;
    last_is_chunked = equals_ignoring_case(coding, "chunked");
    if (last_is_chunked || equals_ignoring_case(coding, "identity")) continue;
    if (!codings.empty()) codings += ", ";
    for (const char c : coding) codings += ascii_lower(c);
  }
  return last_is_chunked;
}

// Reads the HTTP response at the start of a response record's block: status, headers, and the
// payload after them, which becomes the body. A block that does not start with a status line
// ("HTTP/1.1 200 OK") is left whole, with http_status 0.
void read_http_response(WarcRecord& record) {
  std::string& block = record.body;
  if (block.compare(0, 5, "HTTP/") != 0) return;
  const std::size_t status_end = block.find('\n');
  const std::string_view status_line =
      std::string_view(block).substr(0, status_end == std::string::npos ? block.size() : status_end);
  const std::size_t space = status_line.find(' ');
  if (space == std::string_view::npos || status_line.size() < space + 4) return;
  int status = 0;
  for (std::size_t i = space + 1; i < space + 4; ++i) {
    if (status_line[i] < '0' || status_line[i] > '9') return;
    status = status * 10 + (status_line[i] - '0');
  }
  if (status_line.size() > space + 4 && !is_blank(status_line[space + 4])) return;

  std::string content_encoding;
  std::string transfer_codings;
  bool chunked = false;
  std::string_view previous_name;
  // Headers end at an empty line; a block that ends first (a truncated record) has no payload.
  std::size_t position = status_end == std::string::npos ? block.size() : status_end + 1;
  std::size_t payload_start = block.size();
  while (position < block.size()) {
    std::size_t line_end = block.find('\n', position);
    const std::size_t next = line_end == std::string::npos ? block.size() : line_end + 1;
    if (line_end == std::string::npos) line_end = block.size();
    std::string_view line = std::string_view(block).substr(position, line_end - position);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    position = next;
    if (line.empty()) {
      payload_start = next;
      break;
    }
    // A folded line continues the header before it; only the ones read here can be folded.
    const bool folded = line.front() == ' ' || line.front() == '\t';
    const std::size_t colon = line.find(':');
    if (!folded && colon == std::string_view::npos) continue;  // not a header: ignored, as clients do
    const std::string_view name = folded ? previous_name : trim(line.substr(0, colon));
    const std::string_view value = trim(folded ? line : line.substr(colon + 1));
    previous_name = name;
    if (equals_ignoring_case(name, "Content-Type")) {
      if (record.http_content_type.empty()) {
        record.http_content_type = value;
      } else if (folded) {
        record.http_content_type.append(" ").append(value);
      }
    } else if (equals_ignoring_case(name, "Content-Encoding")) {
      collect_codings(value, content_encoding);
    } else if (equals_ignoring_case(name, "Transfer-Encoding")) {
      chunked = collect_codings(value, transfer_codings);
    }
  }
  record.http_status = status;
  record.http_content_encoding = std::move(content_encoding);
  if (!transfer_codings.empty()) {
    if (!record.http_content_encoding.empty()) record.http_content_encoding += ", ";
    record.http_content_encoding += transfer_codings;
  }
  block.erase(0, payload_start);
  if (chunked) dechunk(block);
}

}  // namespace

bool looks_like_warc(std::string_view bytes) noexcept {
  while (!bytes.empty() && (bytes.front() == '\r' || bytes.front() == '\n')) bytes.remove_prefix(1);
  return bytes.substr(0, 7) == "WARC/1.";
}

const std::string* WarcRecord::find_header(std::string_view name) const noexcept {
  for (const auto& [header_name, value] : headers) {
    if (equals_ignoring_case(header_name, name)) return &value;
  }
  return nullptr;
}

WarcReader::WarcReader(ByteSource source, std::string file_for_errors, std::uint64_t max_block_size)
    : source_(std::move(source)), file_(std::move(file_for_errors)), max_block_size_(max_block_size) {}

void WarcReader::fail(std::size_t line, const std::string& message) const { throw InputError(file_, line, message); }

bool WarcReader::fill() {
  if (source_ended_) return false;
  // Consumed bytes are dropped before the buffer grows, so it holds at most a line or a read.
  if (position_ > 0 && position_ * 2 >= buffer_.size()) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kReadSize);
  const std::size_t got = source_(buffer_.data() + old_size, kReadSize);
  if (got > kReadSize) fail(line_ + 1, "the byte source returned more bytes than it was asked for");
  buffer_.resize(old_size + got);
  if (got == 0) source_ended_ = true;
  return got > 0;
}

void WarcReader::consume(std::size_t count) noexcept {
  const auto begin = buffer_.begin() + static_cast<std::ptrdiff_t>(position_);
  line_ += static_cast<std::size_t>(std::count(begin, begin + static_cast<std::ptrdiff_t>(count), '\n'));
  position_ += count;
  bytes_consumed_ += count;
}

bool WarcReader::read_line(std::string& line) {
  line_unterminated_ = false;
  std::size_t searched = position_;  // bytes before it hold no line end: not searched again
  while (true) {
    const std::size_t line_end = buffer_.find('\n', searched);
    if (line_end != std::string::npos) {
      line.assign(buffer_, position_, line_end - position_);
      consume(line_end + 1 - position_);
      break;
    }
    if (buffer_.size() - position_ > kMaxHeaderLine) {
      fail(line_ + 1, "a line longer than " + std::to_string(kMaxHeaderLine) +
                          " bytes where a WARC header was expected: is this a WARC file?");
    }
    searched = buffer_.size();
    const std::size_t kept = position_;
    if (!fill()) {
      if (position_ == buffer_.size()) return false;
      line.assign(buffer_, position_, std::string::npos);  // the last line, without its line end
      consume(buffer_.size() - position_);
      line_unterminated_ = true;
      break;
    }
    searched -= kept - position_;  // fill may have moved the unconsumed bytes to the front
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

void WarcReader::read_block(WarcRecord& record, std::size_t version_line) {
  const std::uint64_t length = record.content_length;
  if (length > max_block_size_) {
    skip_block(length, version_line);
    record.block_skipped = true;
    record.body.clear();
    return;
  }
  const auto size = static_cast<std::size_t>(length);
  std::string& block = record.body;
  block.resize(size);
  const std::size_t buffered = std::min(size, buffer_.size() - position_);
  std::memcpy(block.data(), buffer_.data() + position_, buffered);
  position_ += buffered;
  // The rest goes from the source straight into the block, without passing through buffer_.
  std::size_t filled = buffered;
  while (filled < size && !source_ended_) {
    const std::size_t wanted = size - filled;
    const std::size_t got = source_(block.data() + filled, wanted);
    if (got > wanted) fail(line_ + 1, "the byte source returned more bytes than it was asked for");
    if (got == 0) source_ended_ = true;
    filled += got;
  }
  bytes_consumed_ += filled;
  line_ += static_cast<std::size_t>(std::count(block.begin(), block.begin() + static_cast<std::ptrdiff_t>(filled), '\n'));
  if (filled < size) {
    fail(version_line, "the record is cut short: its block has " + std::to_string(filled) + " of the " +
                           std::to_string(size) + " bytes its Content-Length says");
  }
}

void WarcReader::skip_block(std::uint64_t length, std::size_t version_line) {
  std::uint64_t skipped = 0;
  while (skipped < length) {
    if (position_ == buffer_.size() && !fill()) {
      fail(version_line, "the record is cut short: its block has " + std::to_string(skipped) + " of the " +
                             std::to_string(length) + " bytes its Content-Length says");
    }
    const std::size_t available = buffer_.size() - position_;
    const std::size_t taken = length - skipped < available ? static_cast<std::size_t>(length - skipped) : available;
    consume(taken);
    skipped += taken;
  }
}

void WarcReader::expect_record_end() {
  // Two line ends, "\r\n\r\n" by the standard; "\n\n" from tools that write bare line feeds.
  for (int line_end = 0; line_end < 2; ++line_end) {
    while (buffer_.size() - position_ < 2 && fill()) {
    }
    const std::string_view rest = std::string_view(buffer_).substr(position_);
    if (rest.substr(0, 2) == "\r\n") {
      consume(2);
    } else if (rest.substr(0, 1) == "\n") {
      consume(1);
    } else {
      fail(line_ + 1, "the block does not end where its Content-Length says: the blank line (CRLF CRLF) "
                      "that ends a record is missing");
    }
  }
}

bool WarcReader::next(WarcRecord& record) {
  // Cleared field by field so that the body keeps its capacity from one record to the next.
  std::string body = std::move(record.body);
  body.clear();
  std::vector<std::pair<std::string, std::string>> headers = std::move(record.headers);
  headers.clear();
  record = WarcRecord();
  record.body = std::move(body);
  record.headers = std::move(headers);

  std::string line;
  do {
    if (!read_line(line)) return false;
  } while (trim(line).empty());
  const std::size_t version_line = line_;
  if (line.compare(0, 5, "WARC/") != 0) {
    fail(version_line, "expected a WARC record's version line (\"WARC/1.0\" or \"WARC/1.1\"), found \"" +
                           excerpt(line) + "\"");
  }
  record.first_line = version_line;

  std::size_t length_line = 0;
  std::string length_text;
  while (true) {
    if (!read_line(line) || line_unterminated_) {
      fail(line_ + 1, "the input ends inside the header of the record at line " + std::to_string(version_line));
    }
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') {
      if (record.headers.empty()) fail(line_, "a folded header line with no header before it");
      record.headers.back().second.append(" ").append(trim(line));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || trim(std::string_view(line).substr(0, colon)).empty()) {
      fail(line_, "expected a header line (\"Name: value\") or a blank line, found \"" + excerpt(line) + "\"");
    }
    const std::string_view name = trim(std::string_view(line).substr(0, colon));
    const std::string_view value = trim(std::string_view(line).substr(colon + 1));
    if (equals_ignoring_case(name, "Content-Length") && length_line == 0) {
      length_line = line_;
      length_text = value;
    }
    record.headers.emplace_back(name, value);
  }
  if (length_line == 0) fail(version_line, "the record has no Content-Length header");
  if (!parse_length(length_text, record.content_length)) {
    fail(length_line, "Content-Length is not a number of bytes: \"" + excerpt(length_text) + "\"");
  }

  for (const auto& [name, value] : record.headers) {
    const auto set_once = [&](std::string& field) {
      if (field.empty()) field = value;
    };
    if (equals_ignoring_case(name, "WARC-Type")) {
      set_once(record.type);
    } else if (equals_ignoring_case(name, "WARC-Target-URI")) {
      std::string_view uri = value;
      if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
      if (record.target_uri.empty()) record.target_uri = uri;
    } else if (equals_ignoring_case(name, "WARC-Date")) {
      set_once(record.date);
    } else if (equals_ignoring_case(name, "WARC-Record-ID")) {
      set_once(record.record_id);
    } else if (equals_ignoring_case(name, "Content-Type")) {
      set_once(record.content_type);
    } else if (equals_ignoring_case(name, "WARC-Truncated")) {
      set_once(record.truncated);
    }
  }

  read_block(record, version_line);
  expect_record_end();
  if (record.type == "response" && !record.block_skipped) read_http_response(record);
  return true;
}

}  // namespace comention
