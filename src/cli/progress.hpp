// Progress of a long run on standard error: bytes and documents read, rate, and the time left
// when the input's size is known. One line, rewritten in place at most a few times a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>

#include "comention/pipeline.hpp"

namespace comention::cli {

class ProgressLine {
 public:
  // total_bytes: the size of every input, when each is a file (not standard input). On a
  // terminal the line is rewritten in place; elsewhere (a log file) each update is a new line.
  ProgressLine(std::ostream& out, std::optional<std::uint64_t> total_bytes, bool terminal);

  void update(const ReadProgress& progress);
  // Prints the last figures and ends the line.
  void finish();

 private:
  void print(bool final);

  std::ostream& out_;
  std::optional<std::uint64_t> total_bytes_;
  bool terminal_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
  ReadProgress latest_;
};

// The figures as a line: "read 120.5 MB of 1.02 GB (11%), 45,000 documents, 85.3 MB/s, 0:10 left".
std::string describe_progress(const ReadProgress& progress, std::optional<std::uint64_t> total_bytes,
                              double seconds);

}  // namespace comention::cli
