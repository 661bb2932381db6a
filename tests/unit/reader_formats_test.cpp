// Unit tests for reader.hpp's formats beyond text and JSON Lines: .json in its three shapes,
// CSV and TSV, compressed files and archives (nested too), standard input told by its content,
// and the check of the fields the options name.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "comention/reader.hpp"
#include "pack.hpp"
#include "test_support.hpp"

namespace {

using comention::Document;
using comention::DocumentReader;
using comention::InputError;
using comention::ReaderOptions;
using comention::testing::compress;
using comention::testing::pack;
using comention::testing::TempDir;

using comention::testing::read_all;

std::vector<std::string> ids(const std::vector<Document>& documents) {
  std::vector<std::string> out;
  for (const Document& doc : documents) out.push_back(doc.id);
  return out;
}

std::vector<std::string> texts(const std::vector<Document>& documents) {
  std::vector<std::string> out;
  for (const Document& doc : documents) out.push_back(doc.text);
  return out;
}

// The message of the InputError reading inputs throws; fails the test when none is thrown.
std::string read_error(const std::vector<std::string>& inputs, const ReaderOptions& options = {}) {
  try {
    read_all(inputs, options);
  } catch (const InputError& error) {
    return error.what();
  }
  FAIL("no InputError");
  return {};
}

using comention::testing::contains;

const std::string kJsonLines =
    "{\"id\": \"a\", \"date\": \"2026-03-02\", \"text\": \"China and Iran.\"}\n"
    "{\"id\": \"b\", \"date\": \"2026-04-02\", \"text\": \"Peru and Chile.\"}\n";

// Reads inputs with standard input coming from a file holding content.
std::vector<Document> read_stdin(const TempDir& dir, const std::string& content, const ReaderOptions& options = {}) {
  const std::string path = dir.write("stdin.bin", content);
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  const int saved = ::dup(STDIN_FILENO);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  std::vector<Document> documents;
  std::optional<InputError> error;
  try {
    documents = read_all({"-"}, options);
  } catch (const InputError& caught) {
    error = caught;
  }
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  if (error) FAIL(error->what());
  return documents;
}

}  // namespace

TEST_SUITE("reader") {

TEST_CASE("a .json file may hold JSON Lines, one record, records over several lines, or an array") {
  const TempDir dir;
  CHECK(ids(read_all({dir.write("lines.json", kJsonLines)})) == std::vector<std::string>{"a", "b"});
  const auto one = read_all({dir.write("one.json", "{\n  \"id\": \"solo\",\n  \"text\": \"Japan.\"\n}\n")});
  REQUIRE(one.size() == 1);
  CHECK(one[0].id == "solo");
  CHECK(one[0].text == "Japan.");
  const auto several = read_all({dir.write("several.json", "{\n \"text\": \"A\"\n}\n\n{\n \"text\": \"B {\\\" ]\"\n}")});
  CHECK(texts(several) == std::vector<std::string>{"A", "B {\" ]"});
  CHECK(ids(several) == std::vector<std::string>{dir.path("several.json") + ":1", dir.path("several.json") + ":5"});
  const std::string array = dir.write("array.json", "\xEF\xBB\xBF[\n  {\"id\": 1, \"text\": \"China\"},\n  {\"text\": \"[Iran]\", \"n\": [1, {\"x\": 2}]}\n]\n");
  const auto elements = read_all({array});
  CHECK(texts(elements) == std::vector<std::string>{"China", "[Iran]"});
  CHECK(ids(elements) == std::vector<std::string>{"1", array + ":3"});  // an element without an id: its line
  CHECK(read_all({dir.write("empty.json", "[ ]")}).empty());
  CHECK(read_all({dir.write("blank.json", "\n\n")}).empty());
}

TEST_CASE("errors in a JSON array name the file and the element's line") {
  const TempDir dir;
  const std::string bad = dir.write("bad.json", "[\n{\"text\": \"A\"},\n{\"text\": 5}\n]");
  CHECK(contains(read_error({bad}), bad + ":3: field \"text\" is not a string"));
  const std::string unclosed = dir.write("unclosed.json", "[\n{\"text\": \"A\"},\n{\"text\": \"B\"");
  CHECK(contains(read_error({unclosed}), unclosed + ":3: element 1 of the JSON array is not closed"));
  const std::string trailing = dir.write("trailing.json", "[{\"text\": \"A\"},\n]");
  CHECK(contains(read_error({trailing}), trailing + ":2: a comma before the array's closing ']'"));
  const std::string missing_comma = dir.write("comma.json", "[{\"text\": \"A\"}\n{\"text\": \"B\"}]");
  CHECK(contains(read_error({missing_comma}), missing_comma + ":2: expected ',' or ']' after element 0"));
  const std::string after = dir.write("after.json", "[{\"text\": \"A\"}] x");
  CHECK(contains(read_error({after}), "more after the end of the JSON array"));
  const std::string not_json = dir.write("notes.json", "Hello, China.\n");
  CHECK(contains(read_error({not_json}), not_json + ":1: it is named .json but does not hold JSON: it starts with 'H'"));
}

TEST_CASE("CSV as spreadsheets and pandas write it: quotes, line ends in fields, CRLF, a byte order mark") {
  const TempDir dir;
  const std::string path = dir.write("news.csv",
                                     "\xEF\xBB\xBFid,title,text,date\r\n"
                                     "n1,\"Talks, again\",\"China said \"\"yes\"\".\r\n\r\nIran agreed.\",2026-03-02\r\n"
                                     ",,Peru and Chile.,\r\n"
                                     "n3,T,\"\",2 March 2026\r\n");
  ReaderOptions options;
  options.date_field = "date";
  const auto documents = read_all({path}, options);
  REQUIRE(documents.size() == 3);
  CHECK(documents[0].id == "n1");
  CHECK(documents[0].title == "Talks, again");
  CHECK(documents[0].text == "China said \"yes\".\r\n\r\nIran agreed.");
  CHECK(documents[0].date == comention::Date{2026, 3, 2});
  CHECK(documents[0].line == 2);
  CHECK(documents[1].id == path + ":5");  // no id: FILE:LINE of the record's first line
  CHECK(!documents[1].date);
  CHECK(documents[2].text.empty());
  CHECK(documents[2].line == 6);
}

TEST_CASE("an empty quoted field is a record on a CRLF line as on an LF line; an empty line is none") {
  const TempDir dir;
  const auto documents = read_all({dir.write("empty.csv", "text\r\n\"\"\r\n\r\nPeru\r\n\"\"\n")});
  CHECK(texts(documents) == std::vector<std::string>{"", "Peru", ""});
}

TEST_CASE("TSV is CSV with tabs, quoted fields included") {
  const TempDir dir;
  const auto documents = read_all({dir.write("news.tsv", "id\ttext\nt1\t\"China\tand\nIran\"\nt2\tPeru\n")});
  CHECK(ids(documents) == std::vector<std::string>{"t1", "t2"});
  CHECK(texts(documents) == std::vector<std::string>{"China\tand\nIran", "Peru"});
}

TEST_CASE("CSV errors name the file, the line and the column") {
  const TempDir dir;
  const std::string open_quote = dir.write("open.csv", "id,text\n1,ok\n2,\"never closed\n3,x\n");
  CHECK(contains(read_error({open_quote}), open_quote + ":3: column 2: a quoted field is not closed"));
  const std::string stray = dir.write("stray.csv", "id,text\n1,\"a\"b\n");
  CHECK(contains(read_error({stray}), stray + ":2: column 2: a closing quote must be followed by"));
  const std::string short_row = dir.write("short.csv", "id,text,date\n1,a,2026-01-01\n2,b\n");
  CHECK(contains(read_error({short_row}), short_row + ":3: this row has 2 fields, the header 3 (id, text, date)"));
  const std::string no_text = dir.write("notext.csv", "id,body\n1,a\n");
  CHECK(contains(read_error({no_text}), no_text + ":1: no column \"text\" (the text field) in the header; columns: id, body"));
  // A quote left open stops at 64 MiB rather than taking the rest of the file into memory.
  const std::string runaway = dir.write("runaway.csv", "id,text\n1,ok\n2,\"" + std::string((std::size_t{65} << 20), 'x'));
  CHECK(contains(read_error({runaway}), runaway + ":3: column 2: a quoted field runs on past 64 MiB"));
  // Regression: old Mac line ends (CR alone) once made the whole file its header, and no rows.
  const std::string mac = dir.write("mac.csv", "text,id\rChina and Iran,1\rFrance,2\r");
  CHECK(contains(read_error({mac}), mac + ":1: column 2: a carriage return not followed by a line feed"));
  const std::string quoted_mac = dir.write("quoted-mac.csv", "text,id\r\n\"China\"\r\"x\",1\r\n");
  CHECK(contains(read_error({quoted_mac}), quoted_mac + ":2: column 1: a carriage return not followed by a line feed"));
  const std::string latin1 = dir.write("latin1.csv", "id,text\n1,caf\xE9\n");
  CHECK(contains(read_error({latin1}), latin1 + ":2: column 2 (text): invalid UTF-8"));
}

TEST_CASE("every compression reads as the file it holds, told by magic bytes, not the name") {
  const TempDir dir;
  const std::pair<const char*, const char*> compressions[] = {{"gzip", ".gz"}, {"xz", ".xz"}, {"zstd", ".zst"}, {"bzip2", ".bz2"}};
  for (const auto& [filter, suffix] : compressions) {
    const std::string extension = suffix;
    CAPTURE(extension);
    const std::string path = dir.write("news.jsonl" + extension, compress(kJsonLines, filter));
    const auto documents = read_all({path});
    CHECK(ids(documents) == std::vector<std::string>{"a", "b"});
    REQUIRE(!documents.empty());
    CHECK(documents[0].source == path);
    CHECK(read_all({dir.write("story.txt" + extension, compress("China.", filter))})[0].text == "China.");
  }
  // Named as plain JSON Lines, but gzip inside: the content decides.
  CHECK(ids(read_all({dir.write("secret.jsonl", compress(kJsonLines, "gzip"))})) == std::vector<std::string>{"a", "b"});
  // A record's error names the compressed file and the line.
  const std::string bad = dir.write("bad.jsonl.gz", compress(kJsonLines + "{broken\n", "gzip"));
  CHECK(contains(read_error({bad}), bad + ":3: malformed JSON record"));
}

TEST_CASE("a file whose content contradicts its name is an error naming it") {
  const TempDir dir;
  const std::string fake = dir.write("news.csv.gz", "id,text\n1,China\n");
  CHECK(contains(read_error({fake}), fake + ": the name says gz, but the content is not compressed"));
  const std::string fake_zip = dir.write("news.zip", "hello");
  CHECK(contains(read_error({fake_zip}), fake_zip + ": the name says zip"));
}

TEST_CASE("a truncated or corrupt compressed file is an error naming it") {
  const TempDir dir;
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "{\"text\": \"China and Iran, record " + std::to_string(i) + ".\"}\n";
  const std::string gz = compress(many, "gzip");
  const std::string truncated = dir.write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  const std::string message = read_error({truncated});
  CHECK(contains(message, truncated + ": cannot decompress"));
  CHECK(contains(message, "truncated"));
}

TEST_CASE("archive members are documents or files of documents, archives inside archives too") {
  const TempDir dir;
  const std::string inner = pack({{"deep/story.txt", "Kenya and Ghana."}, {"more.jsonl", kJsonLines}}, "zip");
  const std::string outer = pack({{"docs/a.txt", "China and Iran."},
                                  {"docs/photo.png", "\x89PNG\r\n\x1A\n\x00\x00"},
                                  {"nested.zip", inner},
                                  {"table.csv", "id,text\nc1,Japan\n"},
                                  {"report.pdf", "%PDF-1.4"}},
                                 "pax", "gzip");
  const std::string path = dir.write("corpus.tar.gz", outer);
  DocumentReader reader({path}, {});
  std::vector<Document> documents;
  Document doc;
  while (reader.next(doc)) documents.push_back(doc);
  CHECK(ids(documents) == std::vector<std::string>{path + ":docs/a.txt", path + ":nested.zip:deep/story.txt", "a", "b", "c1"});
  CHECK(documents[2].source == path + ":nested.zip:more.jsonl");
  CHECK(reader.skipped().archive_members == 2);
  CHECK(reader.skipped().first_member == path + ":docs/photo.png");
  // Hidden members and macOS resource forks are skipped as a folder's hidden files are, and counted.
  const std::string mac = dir.write("mac.zip", pack({{"__MACOSX/docs/._a.txt", std::string("\x00\x05\x16\x07\xFF", 5)},
                                                     {"docs/.notes.txt", "hidden"},
                                                     {"docs/a.txt", "Peru."}},
                                                    "zip"));
  DocumentReader macos({mac}, {});
  std::vector<Document> mac_documents;
  while (macos.next(doc)) mac_documents.push_back(doc);
  CHECK(texts(mac_documents) == std::vector<std::string>{"Peru."});
  CHECK(macos.skipped().archive_members == 2);
  // Links are not read, and so are counted too (regression: once passed over without a word).
  const std::string linked = dir.write("linked.tar", pack({{"docs/a.txt", "Peru."}}, "pax", "none",
                                                          {{"docs/latest.txt", "a.txt"}, {"docs/old", "../old"}}));
  DocumentReader links({linked}, {});
  std::vector<Document> linked_documents;
  while (links.next(doc)) linked_documents.push_back(doc);
  CHECK(texts(linked_documents) == std::vector<std::string>{"Peru."});
  CHECK(links.skipped().archive_members == 2);
  CHECK(links.skipped().first_member == linked + ":docs/latest.txt");
  // An error inside names the archive, the member and the line.
  const std::string bad = dir.write("bad.tgz", pack({{"x/news.jsonl", kJsonLines + "{\"text\": 1}\n"}}, "pax", "gzip"));
  CHECK(contains(read_error({bad}), bad + ":x/news.jsonl:3: field \"text\" is not a string"));
}

TEST_CASE("a directory picks up compressed files and archives, but not .json, .csv or .tsv") {
  const TempDir dir;
  dir.write("corpus/a.jsonl.gz", compress(kJsonLines, "gzip"));
  dir.write("corpus/b.tar.xz", pack({{"b.txt", "Peru."}}, "pax", "xz"));
  dir.write("corpus/c.zip", pack({{"c.txt", "Chile."}}, "zip"));
  dir.write("corpus/graph.json", "{\"directed\": false}");
  dir.write("corpus/lookup.tsv", "code\tname\n");
  dir.write("corpus/list.csv", "a,b\n");
  dir.write("corpus/photo.gz.png", "x");
  const auto documents = read_all({dir.path("corpus")});
  CHECK(texts(documents) == std::vector<std::string>{"China and Iran.", "Peru and Chile.", "Peru.", "Chile."});
}

TEST_CASE("standard input is told by its first bytes") {
  const TempDir dir;
  CHECK(ids(read_stdin(dir, kJsonLines)) == std::vector<std::string>{"a", "b"});
  CHECK(texts(read_stdin(dir, "[{\"text\": \"A\"}, {\"text\": \"B\"}]")) == std::vector<std::string>{"A", "B"});
  CHECK(texts(read_stdin(dir, "{\n  \"text\": \"one\"\n}\n")) == std::vector<std::string>{"one"});
  CHECK(ids(read_stdin(dir, "id,text\nr1,\"China, Iran\"\n")) == std::vector<std::string>{"r1"});
  CHECK(ids(read_stdin(dir, "id\ttext\nr1\tChina\n")) == std::vector<std::string>{"r1"});
  CHECK(ids(read_stdin(dir, compress(kJsonLines, "zstd"))) == std::vector<std::string>{"a", "b"});
  // Text that only looks a little like JSON or CSV stays text.
  CHECK(texts(read_stdin(dir, "[Reuters] China, Iran, Peru\n")) == std::vector<std::string>{"[Reuters] China, Iran, Peru\n"});
  CHECK(read_stdin(dir, "{not json} and text").size() == 1);
  CHECK(ids(read_stdin(dir, "Plain text.")) == std::vector<std::string>{"-"});
  // A plain tar whose first member's name starts like JSON, a tag or a compression's magic:
  // only byte 257 says tar, and it is still read as one.
  const std::string tar = pack({{"[Reuters] story.txt", "China and Iran.\n"}}, "pax");
  CHECK(ids(read_stdin(dir, tar)) == std::vector<std::string>{"-:[Reuters] story.txt"});
}

TEST_CASE("a plain tar is told by its header, whatever its first member is called") {
  // Regression: a first byte such as 'P', 'B', '{' or '<' once stopped the look at 10 bytes or 1,
  // short of the "ustar" at byte 257, and the tar was refused as not archived.
  const TempDir dir;
  for (const std::string first : {"Politics.txt", "BBC.txt", "{x}.txt", "<b>.txt", "(1).txt", " space.txt"}) {
    CAPTURE(first);
    const std::string path = dir.write("news.tar", pack({{first, "China and Iran.\n"}}, "pax"));
    const auto documents = read_all({path});
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].id == path + ":" + first);
    CHECK(documents[0].text == "China and Iran.\n");
  }
}

TEST_CASE("--input-format choices apply to a compressed file's content") {
  const TempDir dir;
  ReaderOptions csv;
  csv.format = comention::InputFormat::csv;
  CHECK(ids(read_all({dir.write("export.dat.gz", compress("id,text\nx,China\n", "gzip"))}, csv)) ==
        std::vector<std::string>{"x"});
  ReaderOptions json;
  json.format = comention::InputFormat::json;
  CHECK(read_all({dir.write("array.txt", "[{\"text\": \"A\"}]")}, json).size() == 1);
  CHECK(contains(read_error({dir.write("prose.txt", "Prose.")}, json), "--input-format json is given but does not hold JSON"));
}

TEST_CASE("the fields records have are counted, and a named field no record has is an error") {
  const TempDir dir;
  const std::string path = dir.write("news.jsonl",
                                     "{\"id\": \"a\", \"day\": \"2026-01-01\", \"text\": \"A\", \"places\": []}\n"
                                     "{\"id\": \"b\", \"text\": \"B\"}\n");
  ReaderOptions options;
  options.date_field = "day";
  DocumentReader reader({path}, options);
  Document doc;
  while (reader.next(doc)) {
  }
  CHECK(reader.field_counts().records == 2);
  CHECK(reader.field_counts().with_date == 1);
  CHECK(reader.field_counts().with_id == 2);
  CHECK_NOTHROW(comention::check_named_fields(reader.field_counts(), options));

  options.date_field = "nodate";
  DocumentReader misspelt({path}, options);
  while (misspelt.next(doc)) {
  }
  try {
    comention::check_named_fields(misspelt.field_counts(), options);
    FAIL("no error for a date field no record has");
  } catch (const comention::UsageError& error) {
    CHECK(std::string(error.what()) == "--date-field nodate: no record has this field; records have: day, id, places, text");
  }
  // The default title field may be missing everywhere; a named one may not.
  ReaderOptions titled;
  titled.title_field = "headline";
  DocumentReader untitled({path}, titled);
  while (untitled.next(doc)) {
  }
  CHECK_NOTHROW(comention::check_named_fields(untitled.field_counts(), titled));
  titled.title_field_named = true;
  CHECK_THROWS_AS(comention::check_named_fields(untitled.field_counts(), titled), comention::UsageError);
  // CSV columns count the same way.
  ReaderOptions dated;
  dated.date_field = "when";
  DocumentReader table({dir.write("t.csv", "id,text\n1,A\n")}, dated);
  while (table.next(doc)) {
  }
  CHECK_THROWS_WITH(comention::check_named_fields(table.field_counts(), dated),
                    "--date-field when: no record has this field; records have: id, text");
}

}  // TEST_SUITE

namespace {

// One WARC record, as crawlers write them.
std::string warc_record(const std::string& type, const std::string& uri, const std::string& date, const std::string& block) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
         "\r\nContent-Type: application/http; msgtype=" + type + "\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http_response(int status, const std::string& content_type, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string kPage =
    "<!DOCTYPE html><html><head><title>Talks</title><script>var names = 'France Germany';</script></head>"
    "<body><nav>Home | Japan | Brazil</nav><div class=\"cookie-consent\">Cookies? Korea</div>"
    "<article><p>China and Iran met.</p><p>Peru &amp; Chile agreed.</p></article><footer>Canada</footer></body></html>";

}  // namespace

TEST_SUITE("reader") {

TEST_CASE("an HTML page is one document: its article text, its title, its path as id") {
  const TempDir dir;
  const std::string path = dir.write("article.html", kPage);
  const auto documents = read_all({path});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].id == path);
  CHECK(documents[0].title == "Talks");
  CHECK(documents[0].text == "China and Iran met.\n\nPeru & Chile agreed.");
  // In a directory and in an archive too; the viewer comention writes is not news and is skipped.
  dir.write("folder/a.htm", kPage);
  dir.write("folder/graph.html", "<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"comention\"><title>x</title>"
                                 "</head><body>China</body></html>");
  dir.write("folder/b.tar", pack({{"pages/page", kPage}}, "pax"));
  DocumentReader reader({dir.path("folder")}, {});
  std::vector<Document> found;
  Document doc;
  while (reader.next(doc)) found.push_back(doc);
  CHECK(ids(found) == std::vector<std::string>{dir.path("folder/a.htm"), dir.path("folder/b.tar") + ":pages/page"});
  CHECK(texts(found)[1] == documents[0].text);  // no extension: told HTML by its content
  CHECK(reader.skipped().viewer_pages == 1);
}

TEST_CASE("a WARC file gives one document per HTML response, with URI ids and WARC dates; the rest is counted") {
  const TempDir dir;
  const std::string latin1_page = "<html><title>Caf\xE9</title><body><p>Kenya and Ghana at the caf\xE9.</p></body></html>";
  std::string deep_page = "<html><body>";  // nested deeper than any article: counted, not parsed
  for (int i = 0; i < 6000; ++i) deep_page += "<div>";
  const std::string records =
      warc_record("warcinfo", "", "2026-03-02T10:00:00Z", "software: test\r\n") +
      warc_record("request", "https://news.example/a", "2026-03-02T10:11:12Z", "GET /a HTTP/1.1\r\n\r\n") +
      warc_record("response", "https://news.example/a", "2026-03-02T10:11:12Z", http_response(200, "text/html; charset=utf-8", kPage)) +
      warc_record("response", "https://news.example/b", "2026-04-01T00:00:00Z",
                  http_response(200, "text/html; charset=ISO-8859-1", latin1_page)) +
      warc_record("response", "https://news.example/missing", "2026-04-01T00:00:00Z", http_response(404, "text/html", "<p>Japan</p>")) +
      warc_record("response", "https://news.example/c.pdf", "2026-04-01T00:00:00Z", http_response(200, "application/pdf", "%PDF")) +
      warc_record("response", "https://news.example/deep", "2026-04-01T00:00:00Z", http_response(200, "text/html", deep_page)) +
      warc_record("metadata", "https://news.example/a", "2026-03-02T10:11:12Z", "fetchTimeMs: 3\r\n");
  std::string gzipped;  // one gzip member per record, as CC-NEWS writes them
  for (std::size_t start = 0; start < records.size();) {
    const std::size_t end = records.find("WARC/1.1", start + 1);
    gzipped += compress(records.substr(start, end - start), "gzip");
    start = end == std::string::npos ? records.size() : end;
  }
  for (const std::string& path : {dir.write("crawl.warc", records), dir.write("crawl.warc.gz", gzipped)}) {
    CAPTURE(path);
    DocumentReader reader({path}, {});
    std::vector<Document> documents;
    Document doc;
    while (reader.next(doc)) documents.push_back(doc);
    CHECK(ids(documents) == std::vector<std::string>{"https://news.example/a", "https://news.example/b"});
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].date == comention::Date{2026, 3, 2});
    CHECK(documents[1].date == comention::Date{2026, 4, 1});
    CHECK(documents[0].text == "China and Iran met.\n\nPeru & Chile agreed.");
    CHECK(documents[1].text == "Kenya and Ghana at the caf\xC3\xA9.");
    CHECK(documents[1].title == "Caf\xC3\xA9");
    CHECK(documents[1].source == path);
    const auto& skipped = reader.skipped();
    CHECK(skipped.warc_pages == 2);
    CHECK(skipped.warc_other_records == 3);
    CHECK(skipped.warc_not_ok == 1);
    CHECK(skipped.warc_not_html == 1);
    CHECK(skipped.warc_unreadable == 1);
  }
  const std::string fake = dir.write("fake.warc", "not a warc\n");
  CHECK(contains(read_error({fake}), fake + ":1: it is named .warc but does not start with a WARC/1.x version line"));
  const std::string broken = dir.write("broken.warc", records.substr(0, records.size() - 40));
  CHECK(contains(read_error({broken}), broken + ":"));
}

}  // TEST_SUITE
