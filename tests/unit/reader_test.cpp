// Unit tests for reader.hpp: text files, JSON Lines files, directories, and every input error.
#include "comention/reader.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "comention/error.hpp"

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using comention::Document;
using comention::DocumentReader;
using comention::InputError;
using comention::ReaderOptions;

using comention::testing::TempDir;

using comention::testing::read_all;

// The InputError that constructing a reader over inputs and reading everything throws, if any.
std::optional<InputError> read_error(const std::vector<std::string>& inputs, const ReaderOptions& options = {}) {
  try {
    read_all(inputs, options);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

using comention::testing::contains;

ReaderOptions jsonl_options() {
  ReaderOptions options;
  options.format = comention::InputFormat::jsonl;
  return options;
}

// The one document a .jsonl file holding record reads as.
Document read_record(const TempDir& dir, const std::string& record, const ReaderOptions& options = {}) {
  const auto documents = read_all({dir.write("record.jsonl", record + "\n")}, options);
  REQUIRE(documents.size() == 1);
  return documents[0];
}

// The error a .jsonl file holding record raises.
InputError record_error(const TempDir& dir, const std::string& record, const ReaderOptions& options = {}) {
  const std::string path = dir.write("record.jsonl", record + "\n");
  const auto error = read_error({path}, options);
  REQUIRE(error.has_value());
  CHECK(error->file() == path);
  return *error;
}

// Puts fd on standard input while it lives, then the original back.
class StdinFrom {
 public:
  explicit StdinFrom(int fd) : saved_(::dup(STDIN_FILENO)) {
    REQUIRE(saved_ >= 0);
    REQUIRE(::dup2(fd, STDIN_FILENO) == STDIN_FILENO);
  }
  ~StdinFrom() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  int saved_;
};

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace

TEST_SUITE("reader") {

TEST_CASE("a text file is one document whose id is its path as given") {
  const TempDir dir;
  const std::string text = "China and Iran.\n\nSecond paragraph.\n";
  const std::string path = dir.write("article.txt", text);
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].id == path);
  CHECK(documents[0].text == text);
  CHECK(documents[0].source == path);
  CHECK(documents[0].line == 1);
}

TEST_CASE("a file with any other extension is read as text") {
  const TempDir dir;
  const std::string path = dir.write("notes.md", "{\"text\": \"not JSON Lines\"}\n");
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text == "{\"text\": \"not JSON Lines\"}\n");
}

TEST_CASE("an empty text file is one empty document") {
  const TempDir dir;
  const std::string path = dir.write("empty.txt", "");
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text.empty());
}

TEST_CASE("inputs are read in the order given") {
  const TempDir dir;
  const std::string b = dir.write("b.txt", "B");
  const std::string a = dir.write("a.txt", "A");
  const auto documents = read_all({b, a});
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].text == "B");
  CHECK(documents[1].text == "A");
}

TEST_CASE("a .jsonl file holds one document a line with string, integer or missing ids") {
  const TempDir dir;
  const std::string path = dir.write("briefs.jsonl",
                                     "{\"id\": \"a-1\", \"text\": \"China\"}\n"
                                     "\n"
                                     "{\"id\": 42, \"text\": \"Iran\", \"extra\": [1, 2]}\n"
                                     "{\"text\": \"no id\"}\n"
                                     "   \t \n"
                                     "{\"id\": null, \"text\": \"null id\"}\n"
                                     "{\"text\": \"caf\\u00e9\\nline\", \"id\": \"last\"}");
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 5);
  CHECK(documents[0].id == "a-1");
  CHECK(documents[0].text == "China");
  CHECK(documents[0].line == 1);
  CHECK(documents[0].source == path);
  CHECK(documents[1].id == "42");
  CHECK(documents[1].text == "Iran");
  CHECK(documents[1].line == 3);
  CHECK(documents[2].id == path + ":4");
  CHECK(documents[2].line == 4);
  CHECK(documents[3].id == path + ":6");
  CHECK(documents[4].id == "last");
  CHECK(documents[4].text == "caf\xC3\xA9\nline");
  CHECK(documents[4].line == 7);
}

TEST_CASE("an empty .jsonl file holds no documents") {
  const TempDir dir;
  const std::string empty = dir.write("empty.jsonl", "");
  const std::string blank = dir.write("blank.jsonl", "\n  \n\n");
  const std::string text = dir.write("after.txt", "after");
  const auto documents = read_all({empty, blank, text});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text == "after");
}

TEST_CASE("a .jsonl file may use CRLF line ends and start with a byte order mark") {
  const TempDir dir;
  const std::string path = dir.write("crlf.jsonl", "\xEF\xBB\xBF{\"id\": \"x\", \"text\": \"one\"}\r\n{\"text\": \"two\"}\r\n");
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].id == "x");
  CHECK(documents[0].text == "one");
  CHECK(documents[1].id == path + ":2");
}

TEST_CASE("ReaderOptions choose the id and text fields") {
  const TempDir dir;
  const std::string path = dir.write("custom.jsonl",
                                     "{\"uid\": \"u1\", \"body\": \"China\", \"text\": \"ignored\", \"id\": \"no\"}\n"
                                     "{\"body\": \"Iran\"}\n");
  ReaderOptions options;
  options.id_field = "uid";
  options.text_field = "body";
  const auto documents = read_all({path}, options);
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].id == "u1");
  CHECK(documents[0].text == "China");
  CHECK(documents[1].id == path + ":2");
  CHECK(documents[1].text == "Iran");
}

TEST_CASE("ReaderOptions::format overrides the extension") {
  const TempDir dir;
  const std::string jsonl_as_txt = dir.write("records.txt", "{\"text\": \"A\"}\n{\"text\": \"B\"}\n");
  ReaderOptions jsonl;
  jsonl.format = comention::InputFormat::jsonl;
  CHECK(read_all({jsonl_as_txt}, jsonl).size() == 2);

  const std::string text_as_jsonl = dir.write("plain.jsonl", "not JSON at all\n");
  ReaderOptions text;
  text.format = comention::InputFormat::text;
  const auto documents = read_all({text_as_jsonl}, text);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text == "not JSON at all\n");
}

TEST_CASE("malformed JSON is an error naming FILE:LINE") {
  const TempDir dir;
  const std::string path = dir.write("bad.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n");
  const auto error = read_error({path});
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), path + ":2:"));
  CHECK(error->file() == path);
  CHECK(error->line() == 2);
}

TEST_CASE("a JSON value that is not an object is an error") {
  const TempDir dir;
  for (const std::string_view record : {"[1, 2]", "\"text\"", "42", "null"}) {
    CAPTURE(record);
    const std::string path = dir.write("array.jsonl", std::string(record) + "\n");
    const auto error = read_error({path});
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), path + ":1:"));
  }
}

TEST_CASE("a record without the text field is an error") {
  const TempDir dir;
  const std::string path = dir.write("missing.jsonl", "{\"text\": \"ok\"}\n\n{\"id\": \"x\", \"body\": \"y\"}\n");
  const auto error = read_error({path});
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), path + ":3:"));
  CHECK(contains(error->what(), "text"));
}

TEST_CASE("a text field that is not a string is an error") {
  const TempDir dir;
  for (const std::string_view record : {"{\"text\": 5}", "{\"text\": null}", "{\"text\": [\"a\"]}"}) {
    CAPTURE(record);
    const std::string path = dir.write("nonstring.jsonl", std::string(record) + "\n");
    const auto error = read_error({path});
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), path + ":1:"));
  }
}

TEST_CASE("an id that is neither a string nor an integer is an error") {
  const TempDir dir;
  for (const std::string_view record : {"{\"id\": 1.5, \"text\": \"a\"}", "{\"id\": [1], \"text\": \"a\"}",
                                        "{\"id\": true, \"text\": \"a\"}"}) {
    CAPTURE(record);
    const std::string path = dir.write("id.jsonl", std::string(record) + "\n");
    const auto error = read_error({path});
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), path + ":1:"));
  }
}

TEST_CASE("invalid UTF-8 in a .jsonl record is an error giving line and column") {
  const TempDir dir;
  const std::string record = "{\"text\": \"a\xFF" "b\"}";
  const std::string path = dir.write("latin1.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"ok\"}\n" + record + "\n");
  const auto error = read_error({path});
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), path + ":3:"));
  CHECK(contains(error->what(), "column " + std::to_string(record.find('\xFF') + 1)));
}

TEST_CASE("invalid UTF-8 in a text file is an error giving line and column") {
  const TempDir dir;
  const std::string path = dir.write("latin1.txt", "First line.\nCaf\xE9 au lait.\n");
  const auto error = read_error({path});
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), path + ":2:"));
  CHECK(contains(error->what(), "column 4"));
  CHECK(contains(error->what(), "0xE9"));
  CHECK(error->line() == 2);
}

TEST_CASE("invalid UTF-8 on the first line of a text file is reported at line 1") {
  const TempDir dir;
  const std::string path = dir.write("first.txt", "ab\xC3(\n");
  const auto error = read_error({path});
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), path + ":1:"));
  CHECK(contains(error->what(), "column 3"));
}

TEST_CASE("a missing file is an error naming it, raised before anything is read") {
  const TempDir dir;
  const std::string present = dir.write("present.txt", "China");
  const std::string missing = dir.path("missing.txt");
  try {
    DocumentReader reader({present, missing}, {});
    FAIL("the reader accepted a missing input");
  } catch (const InputError& error) {
    CHECK(error.file() == missing);
    CHECK(std::string_view(error.what()).starts_with(missing + ":"));
  }
}

TEST_CASE("a directory with no .txt or .jsonl file is an error") {
  const TempDir dir;
  dir.write("folder/readme.md", "nothing");
  dir.write("folder/.hidden.txt", "hidden");
  const std::string folder = dir.path("folder");
  try {
    DocumentReader reader({folder}, {});
    FAIL("the reader accepted a directory with nothing to read");
  } catch (const InputError& error) {
    CHECK(error.file() == folder);
    CHECK(std::string_view(error.what()).starts_with(folder + ":"));
  }
  const std::string empty = dir.mkdir("empty");
  CHECK_THROWS_AS(DocumentReader({empty}, {}), InputError);
}

TEST_CASE("a directory is read recursively in sorted order, skipping hidden files and others") {
  const TempDir dir;
  dir.write("corpus/b.txt", "B");
  dir.write("corpus/a.jsonl", "{\"id\": \"a1\", \"text\": \"A1\"}\n{\"id\": \"a2\", \"text\": \"A2\"}\n");
  dir.write("corpus/sub/c.txt", "C");
  dir.write("corpus/sub/deeper/d.jsonl", "{\"id\": \"d\", \"text\": \"D\"}\n");
  dir.write("corpus/.hidden.txt", "hidden");
  dir.write("corpus/.git/e.txt", "hidden directory");
  dir.write("corpus/sub/.draft.jsonl", "{\"text\": \"hidden\"}\n");
  dir.write("corpus/notes.md", "not read");
  dir.write("corpus/data.json", "{\"text\": \"not read\"}");
  const std::string corpus = dir.path("corpus");

  DocumentReader reader({corpus}, {});
  CHECK(reader.files() == std::vector<std::string>{
                              (fs::path(corpus) / "a.jsonl").string(),
                              (fs::path(corpus) / "b.txt").string(),
                              (fs::path(corpus) / "sub" / "c.txt").string(),
                              (fs::path(corpus) / "sub" / "deeper" / "d.jsonl").string(),
                          });
  std::vector<std::string> texts;
  Document doc;
  while (reader.next(doc)) texts.push_back(doc.text);
  CHECK(texts == std::vector<std::string>{"A1", "A2", "B", "C", "D"});
}

TEST_CASE("files() lists the inputs as given next to expanded directories") {
  const TempDir dir;
  const std::string single = dir.write("single.txt", "S");
  dir.write("folder/x.txt", "X");
  const DocumentReader reader({single, dir.path("folder")}, {});
  CHECK(reader.files() == std::vector<std::string>{single, (fs::path(dir.path("folder")) / "x.txt").string()});
}

TEST_CASE("next keeps returning false after the end") {
  const TempDir dir;
  const std::string path = dir.write("one.txt", "China");
  DocumentReader reader({path}, {});
  Document doc;
  CHECK(reader.next(doc));
  CHECK_FALSE(reader.next(doc));
  CHECK_FALSE(reader.next(doc));
}

TEST_CASE("records that straddle the reader's blocks and lines longer than a block read whole") {
  // The reader takes JSON Lines in blocks of 1 MiB: these records are cut at every block
  // boundary, two are longer than a block, and the last, longer still, has no line end.
  const TempDir dir;
  std::vector<std::string> texts;
  std::string content;
  std::size_t length = 1;
  for (int i = 0; content.size() < (std::size_t{7} << 20); ++i) {
    length = i == 500 ? (std::size_t{3} << 20) / 2 : i == 900 ? (std::size_t{5} << 20) / 2 : (length * 37 + 11) % 9001;
    std::string text = "doc " + std::to_string(i) + " " + std::string(length, static_cast<char>('a' + i % 26));
    content += "{\"id\": " + std::to_string(i) + ", \"text\": \"" + text + "\"}" + (i % 3 == 0 ? "\r\n" : "\n");
    texts.push_back(std::move(text));
  }
  const std::string last(std::size_t{3} << 20, 'z');
  content += "{\"text\": \"" + last + "\"}";
  texts.push_back(last);
  const std::string path = dir.write("blocks.jsonl", content);

  DocumentReader reader({path}, {});
  Document doc;
  std::size_t count = 0;
  bool all_equal = true;
  while (reader.next(doc)) {
    REQUIRE(count < texts.size());
    const bool last_record = count + 1 == texts.size();
    all_equal = all_equal && doc.text == texts[count] && doc.line == count + 1 &&
                doc.id == (last_record ? path + ":" + std::to_string(count + 1) : std::to_string(count));
    ++count;
  }
  CHECK(count == texts.size());
  CHECK(all_equal);
}

TEST_CASE("lines end at LF or CRLF; blank lines, CR-only lines and the empty end count as lines") {
  const TempDir dir;
  const std::string path = dir.write("lines.jsonl",
                                     "\r\n"
                                     "{\"text\": \"two\"}\r\n"
                                     "\r\n"
                                     " \t \r\n"
                                     "{\"text\": \"five\"}\n"
                                     "\n"
                                     "{\"text\": \"seven\"}\r\n"
                                     "\n\n");
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 3);
  CHECK(documents[0].line == 2);
  CHECK(documents[0].text == "two");
  CHECK(documents[1].line == 5);
  CHECK(documents[2].line == 7);
  CHECK(documents[2].id == path + ":7");

  const std::string no_end = dir.write("no_end.jsonl", "{\"text\": \"one\"}\r\n{\"text\": \"two\"}\r");
  const auto unterminated = read_all({no_end});
  REQUIRE(unterminated.size() == 2);
  CHECK(unterminated[1].text == "two");
  CHECK(unterminated[1].line == 2);
}

TEST_CASE("a byte order mark is skipped on the first line, and, as JSON allows, at a later line's start") {
  const TempDir dir;
  const std::string path = dir.write("bom.jsonl", "\xEF\xBB\xBF{\"text\": \"one\"}\n\xEF\xBB\xBF{\"text\": \"two\"}\n");
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].text == "one");
  CHECK(documents[1].text == "two");
  const std::string only_bom = dir.write("only_bom.jsonl", "\xEF\xBB\xBF\n{\"text\": \"two\"}\n");
  CHECK(read_all({only_bom}).size() == 1);
}

TEST_CASE("string escapes decode to UTF-8, \\u0000 and surrogate pairs included") {
  const TempDir dir;
  const Document doc =
      read_record(dir, R"({"text": "caf\u00e9 \ud83d\ude00 \uD83D\uDE00 a\u0000b \"q\" \\ \/ \t\n\r\b\f", "id": "\u00e9"})");
  using namespace std::string_literals;  // for the \0 inside
  CHECK(doc.text == "caf\xC3\xA9 \xF0\x9F\x98\x80 \xF0\x9F\x98\x80 a\0b \"q\" \\ / \t\n\r\b\f"s);
  CHECK(doc.id == "\xC3\xA9");
  CHECK(read_record(dir, R"({"te\u0078t": "escaped key"})").text == "escaped key");
}

TEST_CASE("a surrogate without its pair and a bad escape are malformed JSON naming FILE:LINE") {
  const TempDir dir;
  for (const std::string record : {R"({"text": "\ud800"})", R"({"text": "\udc00"})", R"({"text": "\ud800\u0041"})",
                                   R"({"text": "\ud83d"})", R"({"text": "\x41"})", R"({"text": "\u12"})"}) {
    CAPTURE(record);
    const InputError error = record_error(dir, record);
    CHECK(error.line() == 1);
    CHECK(contains(error.what(), "malformed JSON record"));
  }
  CHECK(contains(record_error(dir, R"({"text": "\udc00"})").what(), "surrogate"));
}

TEST_CASE("integer ids read as their decimal digits, over the whole 64-bit range") {
  const TempDir dir;
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"0", "0"},
      {"-5", "-5"},
      {"-0", "0"},
      {"9223372036854775807", "9223372036854775807"},
      {"9223372036854775808", "9223372036854775808"},
      {"18446744073709551615", "18446744073709551615"},
      {"-9223372036854775808", "-9223372036854775808"},
  };
  for (const auto& [json, id] : cases) {
    CAPTURE(json);
    CHECK(read_record(dir, "{\"id\": " + std::string(json) + ", \"text\": \"t\"}").id == id);
  }
}

TEST_CASE("an id that is a fraction, an exponent or beyond 64 bits is an error") {
  const TempDir dir;
  for (const std::string_view id : {"1.0", "1e2", "-0.0", "18446744073709551616", "-9223372036854775809", "{}", "false"}) {
    CAPTURE(id);
    const InputError error = record_error(dir, "{\"id\": " + std::string(id) + ", \"text\": \"t\"}");
    CHECK(contains(error.what(), "\"id\" must be a string or an integer"));
  }
}

TEST_CASE("numbers in other fields may be of any size; one that overflows a double is an input error") {
  const TempDir dir;
  CHECK(read_record(dir, R"({"text": "t", "n": 123456789012345678901234567890, "m": -1e-400})").text == "t");
  const InputError error = record_error(dir, R"({"text": "t", "n": 1e400})");
  CHECK(error.line() == 1);
  CHECK(contains(error.what(), "malformed JSON record"));
  CHECK(contains(error.what(), "1e400"));
}

TEST_CASE("the date field: a date, null or absent; anything else is an error naming FILE:LINE") {
  const TempDir dir;
  ReaderOptions options;
  options.date_field = "published";
  CHECK(read_record(dir, R"({"text": "t", "published": "2026-03-02"})", options).date ==
        comention::Date{2026, 3, 2});
  CHECK(read_record(dir, R"({"text": "t", "published": "26-FEB-1987 15:01:01.79"})", options).date ==
        comention::Date{1987, 2, 26});
  CHECK_FALSE(read_record(dir, R"({"text": "t", "published": null})", options).date.has_value());
  CHECK_FALSE(read_record(dir, R"({"text": "t"})", options).date.has_value());
  CHECK_FALSE(read_record(dir, R"({"text": "t", "published": "2026-03-02"})").date.has_value());
  CHECK(contains(record_error(dir, R"({"text": "t", "published": 2026})", options).what(),
                 "field \"published\" is not a string"));
  const InputError unreadable = record_error(dir, R"({"text": "t", "published": "soon"})", options);
  CHECK(unreadable.line() == 1);
  CHECK(contains(unreadable.what(), "cannot read the date 'soon'"));
}

TEST_CASE("the title field: read by default when a string, ignored otherwise, never an error") {
  const TempDir dir;
  CHECK(read_record(dir, R"({"text": "t", "title": "China and Iran meet"})").title == "China and Iran meet");
  CHECK(read_record(dir, R"({"text": "t", "title": 7})").title.empty());
  CHECK(read_record(dir, R"({"text": "t", "title": null})").title.empty());
  // The fallback parser (a number too big for simdjson) reads it too.
  CHECK(read_record(dir, R"({"text": "t", "n": 123456789012345678901234567890, "title": "Big"})").title == "Big");
  ReaderOptions options;
  options.title_field = "headline";
  CHECK(read_record(dir, R"({"text": "t", "headline": "H", "title": "T"})", options).title == "H");
  // A record without one does not keep the title of the record before it.
  const auto documents = read_all({dir.write("two.jsonl", "{\"text\": \"a\", \"title\": \"A\"}\n{\"text\": \"b\"}\n")});
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].title == "A");
  CHECK(documents[1].title.empty());
  // A text file has none.
  CHECK(read_all({dir.write("story.txt", "China.\n")}).at(0).title.empty());
}

TEST_CASE("a field named twice keeps its last value, as in nlohmann::json") {
  const TempDir dir;
  ReaderOptions options;
  options.date_field = "date";
  const Document doc = read_record(
      dir, R"({"text": "first", "id": "a", "date": "soon", "text": "second", "id": 7, "date": "2026-03-02"})", options);
  CHECK(doc.text == "second");
  CHECK(doc.id == "7");
  CHECK(doc.date == comention::Date{2026, 3, 2});
  CHECK(read_record(dir, R"({"text": 5, "text": "last"})").text == "last");
  CHECK(contains(record_error(dir, R"({"text": "first", "text": 5})").what(), "is not a string"));
  CHECK(read_record(dir, R"({"id": "a", "text": "t", "id": null})").id == dir.path("record.jsonl") + ":1");
}

TEST_CASE("only top-level fields count: nested objects and arrays are skipped") {
  const TempDir dir;
  const Document doc = read_record(
      dir, R"({"meta": {"text": "inner", "id": "inner", "list": [{"text": 1}, [[]]]}, "text": "outer", "x": [1, "y", null]})");
  CHECK(doc.text == "outer");
  CHECK(doc.id == dir.path("record.jsonl") + ":1");
  CHECK(contains(record_error(dir, R"({"meta": {"text": "inner"}})").what(), "record has no \"text\" field"));
  // Deeper than simdjson's 1024 levels: JSON allows it, and the reader always read it.
  CHECK(read_record(dir, R"({"text": "deep", "n": )" + std::string(3000, '[') + std::string(3000, ']') + "}").text ==
        "deep");
}

TEST_CASE("the id and the text may be the same field") {
  const TempDir dir;
  ReaderOptions options;
  options.id_field = "text";
  const Document doc = read_record(dir, R"({"text": "both"})", options);
  CHECK(doc.id == "both");
  CHECK(doc.text == "both");
}

TEST_CASE("invalid UTF-8 anywhere in a record is reported with its line, column and byte") {
  const TempDir dir;
  const std::string inside_key = "{\"te\xC3xt\": \"t\"}";
  const std::string between_values = "{\"text\": \"t\", \xFF \"id\": 1}";
  const std::string after_record = "{\"text\": \"t\"} \x80";
  const std::string surrogate_bytes = "{\"text\": \"\xED\xA0\x80\"}";
  const std::string overlong = "{\"text\": \"\xC0\xAF\"}";
  for (const std::string& record : {inside_key, between_values, after_record, surrogate_bytes, overlong}) {
    CAPTURE(record);
    const std::string path = dir.write("bad.jsonl", "{\"text\": \"ok\"}\n" + record + "\n");
    const auto error = read_error({path});
    REQUIRE(error.has_value());
    CHECK(error->line() == 2);
    CHECK(contains(error->what(), "invalid UTF-8"));
    const std::size_t column = 1 + static_cast<std::size_t>(
        std::find_if(record.begin(), record.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) -
        record.begin());
    CHECK(contains(error->what(), "at column " + std::to_string(column)));
  }
  // The column counts from after a first line's byte order mark.
  const std::string bom = dir.write("bom.jsonl", "\xEF\xBB\xBF{\"text\": \"\xFF\"}\n");
  const auto error = read_error({bom});
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), bom + ":1:"));
  CHECK(contains(error->what(), "byte 0xFF at column 11"));
}

TEST_CASE("malformed JSON names FILE:LINE and says what is wrong where") {
  const TempDir dir;
  for (const std::string_view record :
       {R"({"text": "a",})", R"({"text" "a"})", R"({"text": "a"} x)", R"({"text": "a"}{"text": "b"})", R"({"text": tru})",
        R"({"text": 01})", "{\"text\": \"tab\tinside\"}", "{\"text\": \"a\"}\f", "\v{\"text\": \"a\"}", "\x01"}) {
    CAPTURE(record);
    const std::string path = dir.write("bad.jsonl", "{\"text\": \"ok\"}\n\n" + std::string(record) + "\n");
    const auto error = read_error({path});
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), path + ":3: malformed JSON record: "));
    CHECK(contains(error->what(), "column"));
  }
}

TEST_CASE("JSON Lines on standard input are read as they arrive, not after the end") {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  std::atomic<bool> first_returned{false};
  bool first_returned_before_the_rest = false;
  std::thread writer([&] {
    write_all(pipe_ends[1], "{\"id\": \"one\", \"text\": \"China\"}\n{\"id\": \"two\", ");
    // The pipe stays open: a reader that waited for the end would wait here for 10 s.
    for (int i = 0; i < 1000 && !first_returned; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    first_returned_before_the_rest = first_returned;
    write_all(pipe_ends[1], "\"text\": \"Iran\"}");
    ::close(pipe_ends[1]);
  });
  std::vector<std::string> ids;
  std::vector<std::size_t> lines;
  {
    const StdinFrom stdin_from(pipe_ends[0]);
    DocumentReader reader({"-"}, jsonl_options());
    Document doc;
    try {
      while (reader.next(doc)) {
        ids.push_back(doc.id);
        lines.push_back(doc.line);
        first_returned = true;
        CHECK(doc.source == "-");
      }
    } catch (const InputError& error) {
      FAIL_CHECK(error.what());
    }
  }
  writer.join();
  ::close(pipe_ends[0]);
  CHECK(first_returned_before_the_rest);
  CHECK(ids == std::vector<std::string>{"one", "two"});
  CHECK(lines == std::vector<std::size_t>{1, 2});
}

TEST_CASE("JSON Lines on standard input stream without --input-format, however short the first record") {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  std::atomic<bool> first_returned{false};
  bool first_returned_before_the_rest = false;
  std::thread writer([&] {
    write_all(pipe_ends[1], "{\"text\":\"a\"}\n");  // 13 bytes: less than any magic number needs
    for (int i = 0; i < 1000 && !first_returned; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    first_returned_before_the_rest = first_returned;
    write_all(pipe_ends[1], "{\"text\": \"Iran\"}\n");
    ::close(pipe_ends[1]);
  });
  std::vector<std::string> texts;
  {
    const StdinFrom stdin_from(pipe_ends[0]);
    DocumentReader reader({"-"}, {});
    Document doc;
    try {
      while (reader.next(doc)) {
        texts.push_back(doc.text);
        first_returned = true;
      }
    } catch (const InputError& error) {
      FAIL_CHECK(error.what());
    }
  }
  writer.join();
  ::close(pipe_ends[0]);
  CHECK(first_returned_before_the_rest);
  CHECK(texts == std::vector<std::string>{"a", "Iran"});
}

TEST_CASE("a folder on standard input is a read error, as text and as JSON Lines") {
  const TempDir dir;
  const int folder = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(folder >= 0);
  for (const ReaderOptions& options : {ReaderOptions{}, jsonl_options()}) {
    const StdinFrom stdin_from(folder);
    const auto error = read_error({"-"}, options);
    REQUIRE(error.has_value());
    CHECK(error->file() == "-");
    CHECK(contains(error->what(), "cannot read file"));
  }
  ::close(folder);
}

TEST_CASE("a large text file reads whole; its UTF-8 is checked to the last byte") {
  const TempDir dir;
  std::string text;
  for (int i = 0; text.size() < 300000; ++i) text += "Line " + std::to_string(i) + " caf\xC3\xA9 \xEF\xBF\xBD.\n";
  const auto documents = read_all({dir.write("large.txt", text)});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text == text);

  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  const std::string path = dir.write("bad_end.txt", text + "ab\xE2\x82");
  const auto error = read_error({path});
  REQUIRE(error.has_value());
  CHECK(error->line() == lines + 1);
  CHECK(contains(error->what(), "byte 0xE2 at column 3"));
}

TEST_CASE("each text file is read whole, however long the one before") {
  const TempDir dir;
  const std::string long_text(100000, 'x');
  const auto documents = read_all({dir.write("a.txt", long_text), dir.write("b.txt", "short"), dir.write("c.txt", "")});
  REQUIRE(documents.size() == 3);
  CHECK(documents[0].text == long_text);
  CHECK(documents[1].text == "short");
  CHECK(documents[2].text.empty());
}

}  // TEST_SUITE
