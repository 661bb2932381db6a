#include "csv_input.hpp"

#include <cstring>

#include "comention/error.hpp"

namespace comention::detail {

namespace {

constexpr std::size_t kMaxQuotedField = std::size_t{64} << 20;

std::string column_message(std::size_t column, const std::string& what) {
  return "column " + std::to_string(column) + ": " + what;
}

}  // namespace

bool CsvParser::next(std::vector<std::string>& fields) {
  if (!started_) {
    started_ = true;
    if (input_.peek(3) == "\xEF\xBB\xBF") input_.consume(3);
  }
  // line_end: at the LF that ends a line, or at the byte after a CR, which must be that LF.
  enum class State { field_start, unquoted, quoted, quote_in_quoted, line_end };
  std::size_t count = 0;  // fields of this record so far
  State state = State::field_start;
  std::size_t quote_line = 0;  // where the open quote was, for the error
  bool last_quoted = false;    // the record's last field was quoted: "" is an empty field, not a blank line
  auto field = [&]() -> std::string& { return fields[count - 1]; };
  auto start_field = [&] {
    if (count == fields.size()) fields.emplace_back();
    fields[count].clear();
    ++count;
    last_quoted = false;
  };
  // Ends the record at a line end; false for a blank line, which is no record.
  auto end_record = [&]() {
    if (count == 1 && fields[0].empty() && !last_quoted) {
      count = 0;
      return false;
    }
    fields.resize(count);
    return true;
  };
  for (;;) {
    const std::string_view data = input_.available();
    if (data.empty()) {  // the end: the last record needs no line end
      if (state == State::quoted) {
        throw InputError(input_.name(), quote_line,
                         column_message(count, "a quoted field is not closed before the end of the file"));
      }
      if (count == 0) return false;
      if (count == 1 && fields[0].empty() && !last_quoted) return false;  // a blank last line ("\r")
      fields.resize(count);
      return true;
    }
    std::size_t i = 0;
    const std::size_t size = data.size();
    while (i < size) {
      const char c = data[i];
      if (count == 0) {  // a record starts
        record_line_ = line_;
        start_field();
        state = State::field_start;
      }
      switch (state) {
        case State::field_start:
          if (c == '"') {
            state = State::quoted;
            last_quoted = true;
            quote_line = line_;
            ++i;
            continue;
          }
          state = State::unquoted;
          [[fallthrough]];
        case State::unquoted: {
          // Runs of plain bytes are copied at once.
          std::size_t stop = i;
          while (stop < size && data[stop] != separator_ && data[stop] != '\n' && data[stop] != '\r') ++stop;
          field().append(data.data() + i, stop - i);
          i = stop;
          if (i == size) break;
          if (data[i] == separator_) {
            ++i;
            start_field();
            state = State::field_start;
            break;
          }
          if (data[i] == '\r') ++i;  // of CRLF
          state = State::line_end;
          break;
        }
        case State::line_end:
          // A CR alone would leave every line of a file with old Mac line ends in one record:
          // the header, and no rows at all.
          if (c != '\n') {
            throw InputError(input_.name(), line_,
                             column_message(count, "a carriage return not followed by a line feed: CSV lines end in LF "
                                                   "or CRLF (convert CR line ends, e.g. with tr '\\r' '\\n')"));
          }
          ++i;
          ++line_;
          state = State::field_start;
          if (end_record()) {
            input_.consume(i);
            return true;
          }
          break;
        case State::quoted: {
          const void* quote = std::memchr(data.data() + i, '"', size - i);
          const std::size_t stop = quote ? static_cast<std::size_t>(static_cast<const char*>(quote) - data.data()) : size;
          for (std::size_t j = i; j < stop; ++j) line_ += data[j] == '\n';
          field().append(data.data() + i, stop - i);
          // A quote left open would otherwise take the rest of the file into one field.
          if (field().size() > kMaxQuotedField) {
            throw InputError(input_.name(), quote_line,
                             column_message(count, "a quoted field runs on past 64 MiB: is a quote left open?"));
          }
          i = stop;
          if (i < size) {
            ++i;
            state = State::quote_in_quoted;
          }
          break;
        }
        case State::quote_in_quoted:
          if (c == '"') {  // a doubled quote stands for one
            field().push_back('"');
            state = State::quoted;
            ++i;
          } else if (c == separator_) {
            ++i;
            start_field();
            state = State::field_start;
          } else if (c == '\n' || c == '\r') {
            if (c == '\r') ++i;  // of CRLF
            state = State::line_end;
          } else {
            throw InputError(input_.name(), line_,
                             column_message(count, std::string("a closing quote must be followed by the separator or a line end, "
                                                               "not '") + c + "' (a quote inside a quoted field is written \"\")"));
          }
          break;
      }
    }
    input_.consume(size);
  }
}

}  // namespace comention::detail
