// Progress of a long run on standard error: bytes and documents read, rate, and the time left
// when the input's size is known. One line, rewritten in place at most a few times a second.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

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

// Progress of the steps after reading (laying out, writing each output), which give no figures
// on the way: a line a step, with the time it took. On a terminal the line counts the seconds
// while the step runs, so a layout of minutes is seen to be alive; elsewhere (a log) a step gets
// a line when it ends, and a step that may be long (announce) one when it starts as well.
//
//   StepLine step(std::cerr, terminal);
//   step.begin("laying out 222 entities and 2,279 ties");
//   ...
//   step.end();   // "comention: laying out 222 entities and 2,279 ties: 1.8 s"
class StepLine {
 public:
  StepLine(std::ostream& out, bool terminal);
  ~StepLine();  // ends a step left running (an exception) without printing its time
  StepLine(const StepLine&) = delete;
  StepLine& operator=(const StepLine&) = delete;

  void begin(std::string what, bool announce = false);
  void end();

 private:
  void stop_ticking();

  std::ostream& out_;
  bool terminal_ = false;
  std::string what_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;  // the ticking thread and the caller both write the line
  std::condition_variable stopped_;
  bool running_ = false;
  std::thread ticker_;
};

// 45000 -> "45,000".
std::string group_digits(std::uint64_t number);

// The figures as a line: "read 120.5 MB of 1.02 GB (11%), 45,000 documents, 85.3 MB/s, 0:10 left".
std::string describe_progress(const ReadProgress& progress, std::optional<std::uint64_t> total_bytes,
                              double seconds);

}  // namespace comention::cli
