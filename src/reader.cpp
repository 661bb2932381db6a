#include "comention/reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

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
  current_stream_.reset();
  current_ = nullptr;
  if (next_file_ >= files_.size()) return false;
  current_path_ = files_[next_file_++];
  current_line_ = 0;
  const bool from_stdin = current_path_ == "-";
  current_is_jsonl_ = options_.format == InputFormat::jsonl ||
                      (!from_stdin && options_.format == InputFormat::automatic && is_jsonl_path(current_path_));
  if (!current_is_jsonl_) {
    current_ = nullptr;  // next() reads the whole text at once
  } else if (from_stdin) {
    current_ = &std::cin;
  } else {
    current_stream_ = std::make_unique<std::ifstream>(current_path_, std::ios::binary);
    if (!*current_stream_) throw InputError(current_path_, "cannot open file (" + system_reason() + ")");
    current_ = current_stream_.get();
  }
  return true;
}

std::string DocumentReader::read_whole_text() const {
  // read(2) rather than a stream, so that no read error (EISDIR for a folder on standard
  // input, EIO) passes for the end of the file.
  const bool from_stdin = current_path_ == "-";
  const int fd = from_stdin ? STDIN_FILENO : ::open(current_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(current_path_, "cannot open file (" + system_reason() + ")");
  std::string content;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count > 0) {
      content.append(buffer, static_cast<std::size_t>(count));
    } else if (count == 0) {
      break;
    } else if (errno != EINTR) {
      const std::string why = system_reason();
      if (!from_stdin) ::close(fd);
      throw InputError(current_path_, "cannot read file (" + why + ")");
    }
  }
  if (!from_stdin) ::close(fd);
  return content;
}

bool DocumentReader::next(Document& doc) {
  for (;;) {
    if (current_ == nullptr && !open_next_file()) return false;
    if (current_is_jsonl_) {
      if (next_json_line(doc)) return true;
      current_ = nullptr;
      continue;
    }
    // A text file is one document.
    doc.text = read_whole_text();
    doc.date.reset();
    doc.id = current_path_;
    doc.source = current_path_;
    doc.line = 1;
    if (const auto bad = find_invalid_utf8(doc.text)) {
      throw_invalid_utf8(current_path_, 1, doc.text, *bad);
    }
    return true;
  }
}

bool DocumentReader::next_json_line(Document& doc) {
  while (std::getline(*current_, line_)) {
    ++current_line_;
    if (current_line_ == 1 && line_.starts_with("\xEF\xBB\xBF")) line_.erase(0, 3);  // BOM
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_.find_first_not_of(" \t") == std::string::npos) continue;  // blank: no record
    auto fail = [&](const std::string& message) {
      throw InputError(current_path_, current_line_, message);
    };
    if (const auto bad = find_invalid_utf8(line_)) {
      throw_invalid_utf8(current_path_, current_line_, line_, *bad);
    }
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line_);
    } catch (const nlohmann::json::parse_error& error) {
      fail("malformed JSON record: " + json_reason(error));
    }
    if (!record.is_object()) fail("a JSON Lines record must be an object");
    const auto text = record.find(options_.text_field);
    if (text == record.end()) fail("record has no \"" + options_.text_field + "\" field");
    if (!text->is_string()) fail("field \"" + options_.text_field + "\" is not a string");
    const auto id = record.find(options_.id_field);
    if (id == record.end() || id->is_null()) {
      doc.id = current_path_ + ":" + std::to_string(current_line_);
    } else if (id->is_string()) {
      doc.id = id->get<std::string>();
    } else if (id->is_number_integer() || id->is_number_unsigned()) {
      doc.id = id->dump();
    } else {
      fail("field \"" + options_.id_field + "\" must be a string or an integer");
    }
    doc.date.reset();
    if (!options_.date_field.empty()) {
      const auto date = record.find(options_.date_field);
      if (date != record.end() && !date->is_null()) {
        if (!date->is_string()) fail("field \"" + options_.date_field + "\" is not a string");
        doc.date = parse_date(date->get<std::string>());
        if (!doc.date) {
          fail("cannot read the date '" + date->get<std::string>() +
               "' (write it as 2026-03-02, 2 March 2026, March 2, 2026 or 02-MAR-2026)");
        }
      }
    }
    doc.text = text->get<std::string>();
    doc.source = current_path_;
    doc.line = current_line_;
    return true;
  }
  if (current_->bad()) throw InputError(current_path_, "cannot read file (" + system_reason() + ")");
  return false;
}

}  // namespace comention
