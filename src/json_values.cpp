#include "json_values.hpp"

#include "comention/error.hpp"

namespace comention::detail {

int JsonValueSplitter::peek() {
  if (position_ == chunk_.size()) {
    input_.consume(position_);
    chunk_ = input_.available();
    position_ = 0;
    if (chunk_.empty()) return -1;
  }
  return static_cast<unsigned char>(chunk_[position_]);
}

void JsonValueSplitter::advance() {
  if (chunk_[position_] == '\n') ++line_;
  ++position_;
}

void JsonValueSplitter::skip_space() {
  for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek()) advance();
}

void JsonValueSplitter::fail(const std::string& message) const { throw InputError(input_.name(), line_, message); }

namespace {

bool ends_scalar(int c) {
  return c == -1 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}';
}

std::string describe(int c) {
  if (c == -1) return "the end of the file";
  if (c < 0x20 || c >= 0x7F) return "byte " + std::to_string(c);
  return std::string("'") + static_cast<char>(c) + "'";
}

}  // namespace

bool JsonValueSplitter::next(std::string& out, std::size_t& line) {
  if (finished_) return false;
  if (!started_) {
    started_ = true;
    if (input_.peek(3) == "\xEF\xBB\xBF") input_.consume(3);
    if (array_) {
      skip_space();
      if (peek() != '[') fail("expected a JSON array ('['), found " + describe(peek()));
      advance();
      skip_space();
      if (peek() == ']') {
        advance();
        finished_ = true;
      }
    }
  } else if (array_) {
    skip_space();
    const int c = peek();
    if (c == ']') {
      advance();
      finished_ = true;
    } else if (c == ',') {
      advance();
      skip_space();
      if (peek() == ']') fail("a comma before the array's closing ']' (JSON allows none)");
    } else {
      fail("expected ',' or ']' after element " + std::to_string(count_ - 1) + " of the array, found " + describe(c));
    }
  }
  if (finished_) {
    skip_space();
    if (peek() != -1) fail("more after the end of the JSON array: " + describe(peek()));
    input_.consume(position_);
    chunk_ = {};
    position_ = 0;
    return false;
  }
  skip_space();
  if (peek() == -1) {
    if (array_) fail("the JSON array is not closed: ']' is missing at the end of the file");
    finished_ = true;
    return false;
  }
  line = line_;
  out.clear();
  const int first = peek();
  if (first == '{' || first == '[') {
    std::size_t depth = 0;
    bool in_string = false;
    for (;;) {
      const int c = peek();
      if (c == -1) {
        throw InputError(input_.name(), line,
                         array_ ? "element " + std::to_string(count_) + " of the JSON array is not closed before the end of the file"
                                : "a JSON record is not closed before the end of the file");
      }
      // Bytes are taken in runs up to the next one that matters.
      const char* data = chunk_.data();
      std::size_t stop = position_;
      if (in_string) {
        while (stop < chunk_.size() && data[stop] != '"' && data[stop] != '\\' && data[stop] != '\n') ++stop;
      } else {
        while (stop < chunk_.size() && data[stop] != '"' && data[stop] != '{' && data[stop] != '}' &&
               data[stop] != '[' && data[stop] != ']' && data[stop] != '\n') {
          ++stop;
        }
      }
      out.append(data + position_, stop - position_);
      position_ = stop;
      if (position_ == chunk_.size()) continue;
      const char byte = data[position_];
      out.push_back(byte);
      advance();
      if (in_string) {
        if (byte == '"') {
          in_string = false;
        } else if (byte == '\\') {
          if (peek() == -1) continue;  // reported as not closed
          out.push_back(chunk_[position_]);
          advance();
        }
      } else if (byte == '"') {
        in_string = true;
      } else if (byte == '{' || byte == '[') {
        ++depth;
      } else if (byte == '}' || byte == ']') {
        if (--depth == 0) break;
      }
    }
  } else {  // a string, a number, true, false, null: refused later as not a record
    bool in_string = false;
    for (int c = peek(); in_string || !ends_scalar(c); c = peek()) {
      if (c == -1) break;
      out.push_back(static_cast<char>(c));
      advance();
      if (c == '"' && out.size() > 1 && out[out.size() - 2] != '\\') in_string = !in_string;
      if (c == '"' && out.size() == 1) in_string = true;
    }
  }
  out.append(kInputPadding, '\0');
  ++count_;
  return true;
}

}  // namespace comention::detail
