// Reads documents from text files, JSON Lines files, directories and standard input.
//
//   comention::DocumentReader reader({"articles/", "extra.jsonl"}, {});
//   comention::Document doc;
//   while (reader.next(doc)) { /* doc.id, doc.text */ }
//
// A text file is one document whose id is its path as given. A .jsonl file holds one document a
// line: an object with an id field (string or number; when absent the id is "PATH:LINE") and a
// text field (a string). A directory is read recursively: its .txt and .jsonl files in sorted
// order. "-" is standard input, read as text unless the input format says jsonl.
// Every problem throws InputError naming the file and line: a missing or unreadable file, a
// directory with nothing to read or an unreadable folder in it, the same file named twice, a
// malformed record, invalid UTF-8. Nothing is skipped silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "comention/dates.hpp"

namespace comention {

struct Document {
  std::string id;
  std::string text;
  std::optional<Date> date;  // from ReaderOptions::date_field; none for text files
  std::string title;         // from ReaderOptions::title_field when a string; empty otherwise
  std::string source;     // the file it came from
  std::size_t line = 0;   // its line in that file (1 for a text file)
};

enum class InputFormat { automatic, text, jsonl };

struct ReaderOptions {
  std::string id_field = "id";
  std::string text_field = "text";
  std::string date_field;  // JSON Lines field holding the date; empty: documents are undated
  // JSON Lines field holding a headline, shown with evidence. Read when present and a string,
  // ignored otherwise (it is on by default, so it must not refuse inputs that lack it).
  std::string title_field = "title";
  InputFormat format = InputFormat::automatic;  // automatic: by extension, .jsonl or text
};

// A document as read, before its JSON Lines record is parsed. Reading goes in input order, one
// thread at a time; parsing (DocumentParser) can then run on any thread, which is how counting
// threads share one reader (pipeline.cpp).
struct RawDocument {
  Document document;  // a text file's document whole; for a record, its source and line only
  // The JSON Lines record still to parse, followed by the padding bytes its parser reads past
  // the end; empty once document is complete.
  std::string record;

  // Bytes of input it was read from: its record without the padding, or a text file's text.
  std::size_t input_bytes() const noexcept;
};

class RecordParser;  // simdjson, and nlohmann::json for the records it refuses (reader.cpp)

// Parses what DocumentReader::next_raw read. One per thread.
class DocumentParser {
 public:
  explicit DocumentParser(ReaderOptions options);
  ~DocumentParser();
  DocumentParser(const DocumentParser&) = delete;
  DocumentParser& operator=(const DocumentParser&) = delete;

  // Completes raw.document from raw.record, if any, and empties the record. Throws InputError
  // naming the record's file and line, as DocumentReader::next would have.
  void parse(RawDocument& raw);

 private:
  ReaderOptions options_;
  std::unique_ptr<RecordParser> parser_;
};

class DocumentReader {
 public:
  // Expands directories and checks that every input exists; throws InputError if one does not.
  DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the next document into doc; false at the end of all inputs.
  bool next(Document& doc);
  // Reads the next document as next does, but leaves a JSON Lines record for a DocumentParser
  // (with the options this reader was given) to parse.
  bool next_raw(RawDocument& raw);
  const ReaderOptions& options() const noexcept { return options_; }

  const std::vector<std::string>& files() const noexcept { return files_; }

  // Bytes of input read so far, over every file: what progress reports measure against the
  // inputs' sizes.
  std::uint64_t bytes_read() const noexcept;

 private:
  class LineSource;  // a JSON Lines file or standard input, read in large blocks (reader.cpp)

  bool open_next_file();
  // The next non-blank line of the JSON Lines file being read, counted in current_line_.
  bool next_record(std::string_view& line);
  void read_text_document(Document& doc);
  void read_whole_text(std::string& content) const;
  void reject_duplicates() const;

  std::vector<std::string> files_;
  ReaderOptions options_;
  std::size_t next_file_ = 0;
  std::string current_path_;
  bool file_open_ = false;  // a file is being read: current_path_
  bool current_is_jsonl_ = false;
  std::size_t current_line_ = 0;
  // Kept across files so that their buffers are allocated once.
  std::unique_ptr<LineSource> lines_;
  std::unique_ptr<RecordParser> parser_;
  std::uint64_t text_bytes_read_ = 0;  // of text files; JSON Lines count in lines_
};

}  // namespace comention
