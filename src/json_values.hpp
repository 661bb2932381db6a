// Internal to the reader: the records of a JSON array, or of JSON values written one after
// another (pretty-printed records), one at a time. Not installed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "input_buffer.hpp"

namespace comention::detail {

// Finds where each value ends by counting brackets outside strings, without parsing it: the
// record parser then reads one value at a time. So a JSON array of any size is held one element
// at a time, never whole, and never as a tree.
class JsonValueSplitter {
 public:
  // array: the input is one JSON array whose elements are the records; otherwise it is values
  // one after another, separated by white space.
  JsonValueSplitter(InputBuffer& input, bool array) : input_(input), array_(array) {}

  // The next value's bytes into out, followed by kInputPadding zero bytes, and the line it
  // starts on; false after the last. Throws InputError naming the file and line where the
  // array or a value is not closed, or where something other than a value follows.
  bool next(std::string& out, std::size_t& line);

  // Values returned so far; the last one's index in its array is count() - 1.
  std::size_t count() const noexcept { return count_; }

 private:
  int peek();  // the next byte, or -1 at the end
  void advance();
  void skip_space();
  [[noreturn]] void fail(const std::string& message) const;

  InputBuffer& input_;
  bool array_;
  std::string_view chunk_;
  std::size_t position_ = 0;   // in chunk_
  std::size_t line_ = 1;
  std::size_t count_ = 0;
  bool started_ = false;
  bool finished_ = false;
};

}  // namespace comention::detail
