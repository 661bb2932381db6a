// Reads documents from files, directories and standard input, in whatever format they come.
//
//   comention::DocumentReader reader({"articles/", "extra.jsonl", "export.csv", "news.tar.gz"}, {});
//   comention::Document doc;
//   while (reader.next(doc)) { /* doc.id, doc.text */ }
//
// What a file holds is told by its name, and by its content where the name cannot tell it:
//   - a text file (.txt, or any extension not listed here) is one document, its id its path;
//   - .jsonl (.ndjson): one JSON record a line, {"id": ..., "text": ...}; a record without an
//     id gets "PATH:LINE";
//   - .json: JSON Lines, one record, records one after another, or a JSON array of records (its
//     first byte tells which); an array is read one element at a time, never whole;
//   - .csv and .tsv: a header row naming the columns, then one record a row (RFC 4180 quoting);
//   - compressed (gzip, xz, zstd, bzip2) and archives (tar, zip, and compressed tars), known by
//     their magic bytes whatever their name: read as streams, each member as if it were a file,
//     a member's id "ARCHIVE:PATH/IN/ARCHIVE"; archives inside archives too. Hidden members
//     and those in no readable format (images, PDF) are skipped and counted in skipped();
//   - .html and .htm: one document, the page's article text (html_text.hpp), its title the
//     page's; offsets into a document are offsets into that extracted text;
//   - .warc (and .warc.gz): each response with an HTTP 2xx status and an HTML body is a
//     document: id its WARC-Target-URI, date its WARC-Date, text extracted as for .html; other
//     records are skipped and counted in skipped();
//   - standard input ("-"): any of these, told by its first bytes.
// ReaderOptions::format overrides the name and the content (compression is always by content).
// A directory is read recursively, in sorted order, hidden files skipped: its .txt, .jsonl,
// .html, .htm and .warc files, compressed ones and archives. Not .json, .csv, .tsv or .ndjson:
// in a folder those are as often graphs and mention lists comention wrote, or lookup tables;
// they are read when named. The viewer comention writes (an .html) is skipped and counted.
//
// Every problem throws InputError naming the file and line (FILE:MEMBER:LINE in an archive): a
// missing or unreadable file, a directory with nothing to read, the same file named twice, a
// file whose content contradicts its name, a malformed record, invalid UTF-8, a truncated
// compressed file. Nothing is skipped silently.
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

// automatic: by the name, and by the content where the name does not say (see the top).
enum class InputFormat { automatic, text, jsonl, json, csv, tsv, html, warc };

struct ReaderOptions {
  // Fields (JSON) or columns (CSV) of a record.
  std::string id_field = "id";
  std::string text_field = "text";
  std::string date_field;  // the field holding the date; empty: documents are undated
  // The field holding a headline, shown with evidence. Read when present and a string, ignored
  // otherwise (it is on by default, so it must not refuse inputs that lack it).
  std::string title_field = "title";
  // Whether the id and title fields were chosen rather than left at their defaults: a chosen
  // field that no record has is an error (check_named_fields), a default one is not.
  bool id_field_named = false;
  bool title_field_named = false;
  InputFormat format = InputFormat::automatic;
};

// How many records had each field the options name, so that a field no record has is caught
// (a misspelt --date-field would otherwise leave every document undated without a word).
// Records are JSON and CSV records; text files have no fields.
struct FieldCounts {
  std::uint64_t records = 0;
  std::uint64_t with_id = 0;     // a string or integer id
  std::uint64_t with_date = 0;   // a date, not null or empty
  std::uint64_t with_title = 0;  // a string
  // Field names seen in records that lack a named field (CSV: the header), for the message;
  // at most 40, sorted.
  std::vector<std::string> names;

  void add_names(const std::vector<std::string>& more);
  void merge(const FieldCounts& other);
};

// Throws UsageError when records were read but none has the date field, or a named id or
// title field, naming the field and the fields records do have.
void check_named_fields(const FieldCounts& counts, const ReaderOptions& options);

// What the reader passed over, so that nothing is left out silently.
struct SkippedInputs {
  // Members hidden (a path part starting with '.', __MACOSX/), in no readable format (images,
  // PDF, binaries), or no file at all (symbolic and hard links, devices).
  std::uint64_t archive_members = 0;
  std::string first_member;           // the first of them, ARCHIVE:PATH
  std::uint64_t viewer_pages = 0;     // HTML pages comention wrote (its viewer): not news
  std::string first_viewer_page;
  // WARC: the pages read, and the records passed over. Skipping requests, metadata and warcinfo
  // is what WARC reading is; skipping a response is worth saying, with why.
  std::uint64_t warc_pages = 0;
  std::uint64_t warc_other_records = 0;      // request, warcinfo, metadata, resource ...
  std::uint64_t warc_not_ok = 0;             // responses with an HTTP status outside 200..299
  std::uint64_t warc_not_html = 0;           // responses of another content type (PDF, JSON ...)
  std::uint64_t warc_encoded = 0;            // bodies still gzip- or br-encoded
  std::uint64_t warc_unreadable = 0;         // HTML that cannot be decoded or nests too deep
  std::uint64_t warc_oversized = 0;          // blocks too large to keep
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

  // The fields of the records parsed so far.
  const FieldCounts& field_counts() const noexcept { return counts_; }

 private:
  ReaderOptions options_;
  std::unique_ptr<RecordParser> parser_;
  FieldCounts counts_;
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
  // Reads the next document as next does, but leaves a JSON record for a DocumentParser (with
  // the options this reader was given) to parse.
  bool next_raw(RawDocument& raw);
  const ReaderOptions& options() const noexcept { return options_; }

  const std::vector<std::string>& files() const noexcept { return files_; }

  // Bytes of the input files read so far (compressed bytes for a compressed file): what
  // progress reports measure against the inputs' sizes.
  std::uint64_t bytes_read() const noexcept;

  // The fields of the records read: CSV records and those next() parsed, plus what
  // add_field_counts() brought from the DocumentParsers of next_raw's records.
  const FieldCounts& field_counts() const noexcept;
  void add_field_counts(const FieldCounts& counts);
  const SkippedInputs& skipped() const noexcept;

 private:
  class Sources;  // files, archives and the format read from each (reader.cpp)

  ReaderOptions options_;
  std::vector<std::string> files_;
  std::unique_ptr<Sources> sources_;
};

}  // namespace comention
