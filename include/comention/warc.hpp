// Records of a WARC file (ISO 28500, WARC 1.0 and 1.1), as web archives and Common Crawl's
// CC-NEWS store crawled pages, read one at a time from already decompressed bytes.
//
//   comention::WarcReader warc(pull_from_gzip, "CC-NEWS-20260302.warc.gz");
//   comention::WarcRecord record;
//   while (warc.next(record)) {
//     if (record.type != "response" || record.http_status != 200) continue;
//     if (!record.http_content_encoding.empty()) continue;  // still gzip- or br-encoded
//     // record.target_uri, record.date; record.body is the page, of record.http_content_type:
//     auto page = comention::extract_html_text(
//         record.body, comention::charset_parameter(record.http_content_type), record.target_uri);
//   }
//
// Decompressing is the caller's part: a .warc.gz is one gzip member per record, and the source
// returns the concatenation of their contents. Memory stays bounded by the largest record read,
// never the whole file; a block longer than WarcReader::max_block_size is read past and not kept
// (record.block_skipped), so one 2 GiB video in an archive costs no memory. CC-NEWS truncates its
// records at 1 MiB (WARC-Truncated: length), far under the default limit.
//
// Tolerated, as archives written by various tools have them: header names in any case, "\n"
// line ends instead of "\r\n", blank lines between records, header values folded onto lines that
// start with white space, "<...>" around a WARC 1.0 URI. Refused with InputError(file, line,
// message): a record that does not start with a "WARC/" version line, a header line without a
// colon, a missing, negative or non-numeric Content-Length, a block that ends before its
// Content-Length, and a block not followed by the blank line (CRLF CRLF) that ends the record.
// The line is that of the offending line, counted from 1 in the decompressed stream, or of the
// record's version line for a truncated block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace comention {

struct WarcRecord {
  std::string type;          // WARC-Type: "response", "request", "warcinfo", "resource", "metadata" ...
  std::string target_uri;    // WARC-Target-URI, without the "<...>" of the WARC 1.0 draft
  std::string date;          // WARC-Date as written, e.g. "2026-03-02T10:11:12Z"
  std::string record_id;     // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string content_type;  // Content-Type of the block, e.g. "application/http; msgtype=response"
  std::string truncated;     // WARC-Truncated: why the crawler cut the block ("length", "time" ...)
  // Every header of the record as written, in order (names as written, values trimmed).
  std::vector<std::pair<std::string, std::string>> headers;

  // A "response" record whose block is an HTTP response: its status code, its Content-Type
  // header (e.g. "text/html; charset=ISO-8859-1"), and body = the payload after the HTTP
  // headers, de-chunked when Transfer-Encoding is chunked. Any other record: http_status 0 and
  // body = the whole block. A response block that does not start with a readable HTTP status line
  // and headers also gets http_status 0 and its whole block.
  int http_status = 0;
  std::string http_content_type;
  // The codings still applied to body, lower case, as the Content-Encoding header names them
  // ("gzip", "br", "deflate"), with any Transfer-Encoding coding other than chunked after them
  // ("gzip, chunked" adds "gzip"); empty when body is the payload as it is. This reader does not
  // decompress them: a non-empty value means body is not text, and the caller should skip the
  // record (and count it) rather than read it.
  std::string http_content_encoding;
  std::string body;

  std::uint64_t content_length = 0;  // the block's Content-Length
  bool block_skipped = false;        // the block exceeded max_block_size: read past, body empty
  std::size_t first_line = 0;  // line of the record's "WARC/1.x" line in the decompressed stream

  // The value of the first header named name (any case), or nullptr.
  const std::string* find_header(std::string_view name) const noexcept;
};

// True when bytes start like a WARC file: "WARC/1." (after blank lines, which readers tolerate).
// For sniffing decompressed input whose name does not say what it is.
bool looks_like_warc(std::string_view bytes) noexcept;

// Pulls decompressed bytes: fills up to size bytes at buffer and returns how many it filled, 0 at
// the end of the input. It may throw (InputError for a corrupt gzip stream, say); the exception
// passes through WarcReader::next.
using ByteSource = std::function<std::size_t(char* buffer, std::size_t size)>;

class WarcReader {
 public:
  // Blocks longer than this are read past rather than kept (see the top of this file).
  static constexpr std::uint64_t kDefaultMaxBlockSize = std::uint64_t{64} << 20;  // 64 MiB

  WarcReader(ByteSource source, std::string file_for_errors,
             std::uint64_t max_block_size = kDefaultMaxBlockSize);

  // Reads the next record of any type into record, replacing everything in it; false at a clean
  // end of input (nothing, or only blank lines, after the last record). Throws InputError(file,
  // line, message) on a malformed record, as listed at the top of this file.
  bool next(WarcRecord& record);

  const std::string& file() const noexcept { return file_; }
  // Decompressed bytes read so far: what progress reports measure.
  std::uint64_t bytes_read() const noexcept { return bytes_consumed_; }

 private:
  bool fill();  // appends bytes from the source to buffer_; false at its end
  // The next line without its line end, counted in line_; false at the end of input. The last
  // line of an input that does not end with a line end is read too (line_unterminated_). Throws
  // when a line grows past any sensible header's length.
  bool read_line(std::string& line);
  void read_block(WarcRecord& record, std::size_t version_line);
  void skip_block(std::uint64_t length, std::size_t version_line);
  void expect_record_end();
  void consume(std::size_t count) noexcept;
  [[noreturn]] void fail(std::size_t line, const std::string& message) const;

  ByteSource source_;
  std::string file_;
  std::uint64_t max_block_size_;
  std::string buffer_;  // bytes pulled from the source; those before position_ are consumed
  std::size_t position_ = 0;
  bool source_ended_ = false;
  std::size_t line_ = 0;  // lines consumed so far: the next line read is line_ + 1
  bool line_unterminated_ = false;  // the line read last ended with the input, not a line end
  std::uint64_t bytes_consumed_ = 0;
};

}  // namespace comention
