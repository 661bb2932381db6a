// Internal to the reader: CSV and TSV records (RFC 4180), read as they stream. Not installed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "input_buffer.hpp"

namespace comention::detail {

// Splits CSV (or, with a tab separator, TSV as spreadsheets and pandas write it) into records:
// fields in double quotes may hold the separator, line ends and doubled quotes (""); records
// end at LF or CRLF; a byte order mark at the start is skipped; blank lines are no records.
// A record may span lines, so this reads from the stream itself rather than line by line, and
// holds one record at a time.
class CsvParser {
 public:
  CsvParser(InputBuffer& input, char separator) : input_(input), separator_(separator) {}

  // The next record's fields (the vector and its strings are reused); false at the end.
  // Throws InputError naming the file, line and column of a quote left open or of a stray
  // character after a closing quote.
  bool next(std::vector<std::string>& fields);

  // The line the last record began on, counting from 1.
  std::size_t line() const noexcept { return record_line_; }

 private:
  InputBuffer& input_;
  char separator_;
  std::size_t line_ = 1;         // the line the parser is on
  std::size_t record_line_ = 0;
  bool started_ = false;         // the byte order mark has been looked for
};

}  // namespace comention::detail
