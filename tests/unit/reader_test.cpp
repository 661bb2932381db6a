// Unit tests for reader.hpp: text files, JSON Lines files, directories, and every input error.
#include "comention/reader.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
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

std::vector<Document> read_all(const std::vector<std::string>& inputs, const ReaderOptions& options = {}) {
  DocumentReader reader(inputs, options);
  std::vector<Document> documents;
  Document doc;
  while (reader.next(doc)) documents.push_back(doc);
  return documents;
}

// The InputError that constructing a reader over inputs and reading everything throws, if any.
std::optional<InputError> read_error(const std::vector<std::string>& inputs, const ReaderOptions& options = {}) {
  try {
    read_all(inputs, options);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
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

}  // TEST_SUITE
