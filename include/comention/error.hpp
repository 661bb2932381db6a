// Errors raised where input is read or parsed. The hot path (match, segment, count) never throws.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace comention {

// A problem with something the user gave us: a file, a record, an option.
// what() reads "FILE:LINE: message", or "FILE: message" when there is no line,
// so the CLI can print it after "comention: error: " unchanged.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::size_t line, const std::string& message);
  InputError(std::string file, const std::string& message);

  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }  // 0 when unknown

 private:
  std::string file_;
  std::size_t line_ = 0;
};

// A command-line mistake: an unknown option, a missing value. The CLI prints it with a hint.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace comention
