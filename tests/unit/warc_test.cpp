// Unit tests for warc.hpp: the records of a small archive shaped like CC-NEWS's, read whole and a
// byte at a time, the leniencies real archives need, and every malformed record.
#include "comention/warc.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "comention/html_text.hpp"
#include "test_support.hpp"

namespace {

using comention::InputError;
using comention::WarcReader;
using comention::WarcRecord;

using comention::testing::contains;

// A source over bytes that hands out at most `step` bytes a call, as a decompressor may.
comention::ByteSource source_over(std::string bytes, std::size_t step) {
  return [bytes = std::move(bytes), step, offset = std::size_t{0}](char* buffer, std::size_t size) mutable {
    const std::size_t count = std::min({size, step, bytes.size() - offset});
    std::memcpy(buffer, bytes.data() + offset, count);
    offset += count;
    return count;
  };
}

std::vector<WarcRecord> read_all(const std::string& bytes, std::size_t step = 1 << 20,
                                 std::uint64_t max_block_size = WarcReader::kDefaultMaxBlockSize) {
  WarcReader reader(source_over(bytes, step), "news.warc", max_block_size);
  std::vector<WarcRecord> records;
  WarcRecord record;
  while (reader.next(record)) records.push_back(record);
  CHECK(reader.bytes_read() == bytes.size());
  return records;
}

std::optional<InputError> read_error(const std::string& bytes, std::size_t step = 1 << 20) {
  try {
    read_all(bytes, step);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

// One record: the version line, the headers given (each "Name: value"), a Content-Length counted
// here, the block, and the blank line that ends it.
std::string warc_record(const std::vector<std::string>& headers, std::string_view block) {
  std::string record = "WARC/1.1\r\n";
  for (const std::string& header : headers) record += header + "\r\n";
  record += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  record += block;
  record += "\r\n\r\n";
  return record;
}

constexpr std::string_view kPage =
    "<!DOCTYPE html><html><head><title>Port deal</title></head>\r\n"
    "<body><p>Kenya and Tanzania signed a port deal.</p></body></html>\r\n";

const std::string kHttpResponse = std::string(
    "HTTP/1.1 200 OK\r\n"
    "Date: Mon, 02 Mar 2026 10:11:12 GMT\r\n"
    "content-type: text/html;\r\n"
    "  charset=ISO-8859-1\r\n"
    "Content-Length: 123\r\n"
    "\r\n") + std::string(kPage);

const std::string kChunkedResponse =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Transfer-Encoding: chunked\r\n"
    "\r\n"
    "7\r\n<p>Oman\r\n"
    "b;note=split\r\n and Yemen \r\n"
    "F\r\nagreed.</p>\r\n\r\n\r\n"
    "0\r\n"
    "X-Trailer: not payload\r\n"
    "\r\n";

// warcinfo, request, response (HTML), resource, response (chunked), response (404), response
// (gzip-encoded), as a crawler writes them.
std::string sample_archive() {
  std::string archive;
  archive += warc_record({"WARC-Type: warcinfo", "WARC-Date: 2026-03-02T10:00:00Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>",
                          "Content-Type: application/warc-fields"},
                         "software: comention-test\r\nformat: WARC File Format 1.1\r\n");
  archive += warc_record({"WARC-Type: request", "WARC-Target-URI: https://news.example/port-deal",
                          "WARC-Date: 2026-03-02T10:11:11Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000002>",
                          "Content-Type: application/http; msgtype=request"},
                         "GET /port-deal HTTP/1.1\r\nHost: news.example\r\n\r\n");
  archive += warc_record({"WARC-Type: response", "WARC-Target-URI: https://news.example/port-deal",
                          "WARC-Date: 2026-03-02T10:11:12Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000003>",
                          "Content-Type: application/http; msgtype=response", "WARC-Truncated: length"},
                         kHttpResponse);
  archive += warc_record({"WARC-Type: resource", "WARC-Target-URI: file:///notes.txt",
                          "WARC-Date: 2026-03-02T10:12:00Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000004>",
                          "Content-Type: text/plain"},
                         "HTTP/1.1 200 OK is what this note says, but it is a resource.\n");
  archive += warc_record({"WARC-Type: response", "WARC-Target-URI: https://news.example/gulf",
                          "WARC-Date: 2026-03-02T10:13:00Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000005>",
                          "Content-Type: application/http; msgtype=response"},
                         kChunkedResponse);
  archive += warc_record({"WARC-Type: response", "WARC-Target-URI: https://news.example/gone",
                          "WARC-Date: 2026-03-02T10:14:00Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000006>",
                          "Content-Type: application/http; msgtype=response"},
                         "HTTP/1.0 404 Not Found\r\nContent-Type: text/html\r\n\r\n<h1>No such page</h1>");
  archive += warc_record({"WARC-Type: response", "WARC-Target-URI: https://news.example/packed",
                          "WARC-Date: 2026-03-02T10:15:00Z",
                          "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000007>",
                          "Content-Type: application/http; msgtype=response"},
                         "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: GZIP\r\n"
                         "Transfer-Encoding: br, chunked\r\n\r\n3\r\n\x1F\x8B\x08\r\n0\r\n\r\n");
  return archive;
}

void check_sample_records(const std::vector<WarcRecord>& records) {
  REQUIRE(records.size() == 7);

  const WarcRecord& info = records[0];
  CHECK(info.type == "warcinfo");
  CHECK(info.target_uri.empty());
  CHECK(info.date == "2026-03-02T10:00:00Z");
  CHECK(info.record_id == "<urn:uuid:00000000-0000-0000-0000-000000000001>");
  CHECK(info.content_type == "application/warc-fields");
  CHECK(info.http_status == 0);
  CHECK(info.body == "software: comention-test\r\nformat: WARC File Format 1.1\r\n");
  CHECK(info.content_length == 56);
  CHECK(info.first_line == 1);
  CHECK(info.headers.size() == 5);
  REQUIRE(info.find_header("content-length") != nullptr);
  CHECK(*info.find_header("content-length") == "56");
  CHECK(info.find_header("WARC-Target-URI") == nullptr);

  // The warcinfo record takes 6 header lines, a blank line, 2 block lines and 2 ending lines.
  const WarcRecord& request = records[1];
  CHECK(request.first_line == 12);
  CHECK(request.type == "request");
  CHECK(request.target_uri == "https://news.example/port-deal");
  CHECK(request.content_type == "application/http; msgtype=request");
  CHECK(request.http_status == 0);
  CHECK(request.body == "GET /port-deal HTTP/1.1\r\nHost: news.example\r\n\r\n");

  const WarcRecord& page = records[2];
  CHECK(page.type == "response");
  CHECK(page.first_line == 12 + 8 + 3 + 2);
  CHECK(page.target_uri == "https://news.example/port-deal");
  CHECK(page.date == "2026-03-02T10:11:12Z");
  CHECK(page.record_id == "<urn:uuid:00000000-0000-0000-0000-000000000003>");
  CHECK(page.content_type == "application/http; msgtype=response");
  CHECK(page.truncated == "length");
  CHECK(page.http_status == 200);
  CHECK(page.http_content_type == "text/html; charset=ISO-8859-1");  // folded onto two lines
  CHECK(page.http_content_encoding.empty());
  CHECK(page.body == kPage);
  CHECK(page.content_length == kHttpResponse.size());

  const WarcRecord& resource = records[3];
  CHECK(resource.type == "resource");
  CHECK(resource.target_uri == "file:///notes.txt");
  CHECK(resource.content_type == "text/plain");
  CHECK(resource.http_status == 0);  // only response records hold HTTP
  CHECK(resource.body == "HTTP/1.1 200 OK is what this note says, but it is a resource.\n");

  const WarcRecord& chunked = records[4];
  CHECK(chunked.http_status == 200);
  CHECK(chunked.http_content_type == "text/html; charset=utf-8");
  CHECK(chunked.http_content_encoding.empty());
  CHECK(chunked.body == "<p>Oman and Yemen agreed.</p>\r\n\r\n");

  const WarcRecord& missing = records[5];
  CHECK(missing.http_status == 404);
  CHECK(missing.target_uri == "https://news.example/gone");
  CHECK(missing.http_content_type == "text/html");
  CHECK(missing.body == "<h1>No such page</h1>");

  const WarcRecord& packed = records[6];
  CHECK(packed.http_status == 200);
  CHECK(packed.http_content_encoding == "gzip, br");
  CHECK(packed.body == "\x1F\x8B\x08");  // de-chunked, still compressed
}

TEST_CASE("warc: every record of a crawl and every field of each") {
  check_sample_records(read_all(sample_archive()));
}

TEST_CASE("warc: a source that returns a byte at a time gives the same records") {
  const std::string archive = sample_archive();
  check_sample_records(read_all(archive, 1));
  check_sample_records(read_all(archive, 7));
  check_sample_records(read_all(archive, 4096));
}

TEST_CASE("warc: an empty input, or blank lines only, has no records") {
  CHECK(read_all("").empty());
  CHECK(read_all("\r\n\n\r\n").empty());
}

TEST_CASE("warc: bare line feeds, header names in any case, WARC 1.0 <uri>, blank lines between records") {
  const std::string archive =
      "\n"
      "WARC/1.0\n"
      "warc-type: response\n"
      "warc-target-uri: <http://old.example/a>\n"
      "CONTENT-LENGTH: 40\n"
      "warc-record-id: <urn:uuid:a>\n"
      "\n"
      "HTTP/1.0 301 Moved\nLocation: /b\n\nMoved.\n"
      "\n\n"
      "\r\n"
      "WARC/1.0\r\n"
      "WARC-Type: metadata\r\n"
      "X-Custom: first part\r\n"
      "\tsecond part\r\n"
      "Content-Length: 0\r\n"
      "\r\n"
      "\r\n\r\n";
  const std::vector<WarcRecord> records = read_all(archive);
  REQUIRE(records.size() == 2);
  CHECK(records[0].first_line == 2);
  CHECK(records[0].type == "response");
  CHECK(records[0].target_uri == "http://old.example/a");
  CHECK(records[0].record_id == "<urn:uuid:a>");
  CHECK(records[0].http_status == 301);
  CHECK(records[0].body == "Moved.\n");
  CHECK(records[1].first_line == 15);
  CHECK(records[1].type == "metadata");
  CHECK(records[1].body.empty());
  REQUIRE(records[1].find_header("x-custom") != nullptr);
  CHECK(*records[1].find_header("x-custom") == "first part second part");
}

TEST_CASE("warc: a response block that is not HTTP is kept whole") {
  const std::string block = "HTTP/1.1 2xx Fine\r\n\r\nbody";
  const std::vector<WarcRecord> records = read_all(warc_record({"WARC-Type: response"}, block) +
                                                   warc_record({"WARC-Type: response"}, "<html>no status line"));
  REQUIRE(records.size() == 2);
  CHECK(records[0].http_status == 0);
  CHECK(records[0].body == block);
  CHECK(records[1].http_status == 0);
  CHECK(records[1].body == "<html>no status line");
}

TEST_CASE("warc: a chunked body cut short keeps the chunks it holds") {
  const std::vector<WarcRecord> records = read_all(warc_record(
      {"WARC-Type: response", "WARC-Truncated: length"},
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nMalta\r\n20\r\n and Cyprus"));
  REQUIRE(records.size() == 1);
  CHECK(records[0].body == "Malta and Cyprus");
}

TEST_CASE("warc: a block over the size limit is read past, and the next record is read") {
  const std::string big(5000, 'x');
  const std::string archive = warc_record({"WARC-Type: resource"}, big + "\n\n\n") +
                              warc_record({"WARC-Type: resource"}, "small");
  for (const std::size_t step : {std::size_t{1}, std::size_t{100}, std::size_t{1} << 20}) {
    CAPTURE(step);
    const std::vector<WarcRecord> records = read_all(archive, step, 1000);
    REQUIRE(records.size() == 2);
    CHECK(records[0].block_skipped);
    CHECK(records[0].body.empty());
    CHECK(records[0].content_length == 5003);
    CHECK_FALSE(records[1].block_skipped);
    CHECK(records[1].body == "small");
    CHECK(records[1].first_line == 4 + 3 + 2 + 1);  // the skipped block's lines are counted too
  }
}

TEST_CASE("warc: a block cut short is an error at its record's first line") {
  const std::string archive = sample_archive();
  const std::string second = warc_record({"WARC-Type: resource"}, "Bhutan\nand Nepal\n");
  const std::string cut = second.substr(0, second.size() - 10);
  for (const std::size_t step : {std::size_t{1}, std::size_t{1} << 20}) {
    const std::optional<InputError> error = read_error(archive + cut, step);
    REQUIRE(error);
    CHECK(error->file() == "news.warc");
    // The cut record starts on the line after the archive's last line end.
    CHECK(error->line() == static_cast<std::size_t>(std::count(archive.begin(), archive.end(), '\n')) + 1);
    CHECK(contains(error->what(), "cut short"));
    CHECK(contains(error->what(), "of the 17 bytes"));
  }
}

TEST_CASE("warc: a bad Content-Length is an error at its line") {
  for (const std::string_view length : {"-12", "12x", "", "0x10", "99999999999999999999999"}) {
    CAPTURE(length);
    const std::string archive = warc_record({"WARC-Type: resource"}, "ok") +
                                "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: " + std::string(length) +
                                "\r\n\r\nabc\r\n\r\n";
    const std::optional<InputError> error = read_error(archive);
    REQUIRE(error);
    CHECK(error->line() == 9);
    CHECK(contains(error->what(), "Content-Length is not a number"));
  }
}

TEST_CASE("warc: a record without Content-Length is an error at its first line") {
  const std::optional<InputError> error = read_error("WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n");
  REQUIRE(error);
  CHECK(error->line() == 1);
  CHECK(contains(error->what(), "no Content-Length"));
}

TEST_CASE("warc: anything but a version line where a record starts is an error at its line") {
  const std::string first = warc_record({"WARC-Type: resource"}, "one\ntwo");
  const std::optional<InputError> error = read_error(first + "\r\nGARBAGE/1.0 here\r\nContent-Length: 0\r\n\r\n");
  REQUIRE(error);
  CHECK(error->line() == 9);
  CHECK(contains(error->what(), "GARBAGE/1.0 here"));

  // Compressed bytes handed over undecompressed: line 1, and only a bounded part is read.
  const std::string gzip = "\x1F\x8B\x08\x00" + std::string(200000, '\x01');
  const std::optional<InputError> binary = read_error(gzip);
  REQUIRE(binary);
  CHECK(binary->line() == 1);
}

TEST_CASE("warc: a header line without a colon is an error at its line") {
  const std::optional<InputError> error = read_error("WARC/1.0\r\nWARC-Type: resource\r\nno colon here\r\n"
                                                     "Content-Length: 0\r\n\r\n\r\n\r\n");
  REQUIRE(error);
  CHECK(error->line() == 3);
}

TEST_CASE("warc: a block not followed by CRLF CRLF is an error where the block ends") {
  // The Content-Length is 3 short of the block: "Lao" is read, "s\r\n" is not the blank line.
  const std::string archive = warc_record({"WARC-Type: resource"}, "first") +
                              "WARC/1.1\r\nContent-Length: 3\r\n\r\nLaos\r\n\r\n";
  const std::optional<InputError> error = read_error(archive);
  REQUIRE(error);
  CHECK(error->line() == 10);
  CHECK(contains(error->what(), "CRLF CRLF"));

  // The end of the input right after a block.
  const std::optional<InputError> at_end = read_error("WARC/1.1\r\nContent-Length: 3\r\n\r\nabc");
  REQUIRE(at_end);
  CHECK(at_end->line() == 4);
}

TEST_CASE("warc: the input ending inside a header is an error") {
  const std::optional<InputError> error = read_error("WARC/1.1\r\nWARC-Type: response\r\nContent-Le");
  REQUIRE(error);
  CHECK(contains(error->what(), "ends inside the header"));
}

TEST_CASE("warc: an error from the byte source passes through") {
  WarcReader reader(
      [](char*, std::size_t) -> std::size_t { throw InputError("news.warc.gz", "corrupt gzip member"); },
      "news.warc.gz");
  WarcRecord record;
  CHECK_THROWS_WITH_AS(reader.next(record), "news.warc.gz: corrupt gzip member", InputError);
}

TEST_CASE("warc: a record reused for the next one keeps nothing of the last") {
  const std::string archive = warc_record({"WARC-Type: response", "WARC-Target-URI: http://a.example/"},
                                          "HTTP/1.1 500 Oops\r\nContent-Type: text/plain\r\n\r\nfailed") +
                              warc_record({"WARC-Type: metadata"}, "m");
  WarcReader reader(source_over(archive, 3), "news.warc");
  WarcRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.http_status == 500);
  REQUIRE(reader.next(record));
  CHECK(record.type == "metadata");
  CHECK(record.target_uri.empty());
  CHECK(record.http_status == 0);
  CHECK(record.http_content_type.empty());
  CHECK(record.body == "m");
  CHECK(record.headers.size() == 2);
  CHECK_FALSE(reader.next(record));
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("warc: a response's payload and its header's charset give the page's text") {
  // The page does not name its charset; the HTTP header does, and 0xE9 is é in it.
  const std::string archive = warc_record(
      {"WARC-Type: response", "WARC-Target-URI: https://news.example/lome"},
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n"
      "<html><body><nav>Benin</nav><p>Lom\xE9 hosts Togo\x92s summit.</p></body></html>");
  const std::vector<WarcRecord> records = read_all(archive);
  REQUIRE(records.size() == 1);
  const comention::HtmlText page = comention::extract_html_text(
      records[0].body, comention::charset_parameter(records[0].http_content_type), records[0].target_uri);
  CHECK(page.charset == "windows-1252");
  CHECK(page.text == "Lom\u00E9 hosts Togo\u2019s summit.");
}

TEST_CASE("warc: looks_like_warc sniffs decompressed WARC files") {
  CHECK(comention::looks_like_warc("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
  CHECK(comention::looks_like_warc("\r\nWARC/1.1\r\n"));
  CHECK(comention::looks_like_warc(sample_archive()));
  CHECK_FALSE(comention::looks_like_warc("\x1F\x8B\x08"));  // still gzip-compressed
  CHECK_FALSE(comention::looks_like_warc("<html>WARC/1.0"));
  CHECK_FALSE(comention::looks_like_warc("WARC/"));
  CHECK_FALSE(comention::looks_like_warc(""));
}

}  // namespace
