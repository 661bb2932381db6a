#include "progress.hpp"

#include <cstdio>
#include <string>

namespace comention::cli {
namespace {

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  if (bytes >= 10'000'000'000ULL) {
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
  } else {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  }
  return text;
}

std::string grouped(std::uint64_t number) { return group_digits(number); }

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, seconds < 10 ? "%.1f s" : "%.0f s", seconds);
  return text;
}

std::string duration(double seconds) {
  const auto total = static_cast<std::uint64_t>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", static_cast<unsigned long long>(total / 3600),
                  static_cast<unsigned long long>(total / 60 % 60), static_cast<unsigned long long>(total % 60));
  } else {
    std::snprintf(text, sizeof text, "%llu:%02llu", static_cast<unsigned long long>(total / 60),
                  static_cast<unsigned long long>(total % 60));
  }
  return text;
}

}  // namespace

// Counts of documents and ties are easier to read grouped.
std::string group_digits(std::uint64_t number) {
  std::string digits = std::to_string(number);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

StepLine::StepLine(std::ostream& out, bool terminal) : out_(out), terminal_(terminal) {}

StepLine::~StepLine() {
  if (!running_) return;
  stop_ticking();
  if (terminal_) out_ << '\n';
  out_.flush();
}

void StepLine::begin(std::string what, bool announce) {
  if (running_) end();
  what_ = std::move(what);
  start_ = std::chrono::steady_clock::now();
  running_ = true;
  if (!terminal_) {
    if (announce) out_ << "comention: " << what_ << " ...\n" << std::flush;
    return;
  }
  out_ << "comention: " << what_ << " ..." << std::flush;
  ticker_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    // Once a second, from the first full second on: quick steps never flicker.
    while (!stopped_.wait_for(lock, std::chrono::seconds(1), [this] { return !running_; })) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      out_ << "\r\x1b[Kcomention: " << what_ << " ... " << seconds_text(seconds);
      out_.flush();
    }
  });
}

void StepLine::stop_ticking() {
  {
    std::lock_guard lock(mutex_);
    running_ = false;
  }
  stopped_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void StepLine::end() {
  if (!running_) return;
  stop_ticking();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (terminal_) out_ << "\r\x1b[K";
  out_ << "comention: " << what_ << ": " << seconds_text(seconds) << '\n';
  out_.flush();
}

std::string describe_progress(const ReadProgress& progress, std::optional<std::uint64_t> total_bytes,
                              double seconds) {
  std::string line = "read " + megabytes(progress.bytes);
  const bool sized = total_bytes && *total_bytes > 0;
  if (sized) {
    const double fraction = static_cast<double>(progress.bytes) / static_cast<double>(*total_bytes);
    line += " of " + megabytes(*total_bytes) + " (" + std::to_string(static_cast<int>(fraction * 100.0)) + "%)";
  }
  line += ", " + grouped(progress.documents) + (progress.documents == 1 ? " document" : " documents");
  if (seconds > 0) {
    const double rate = static_cast<double>(progress.bytes) / seconds;
    char text[32];
    std::snprintf(text, sizeof text, ", %.1f MB/s", rate / 1e6);
    line += text;
    if (sized && rate > 0 && progress.bytes < *total_bytes) {
      line += ", " + duration(static_cast<double>(*total_bytes - progress.bytes) / rate) + " left";
    }
  }
  return line;
}

ProgressLine::ProgressLine(std::ostream& out, std::optional<std::uint64_t> total_bytes, bool terminal)
    : out_(out), total_bytes_(total_bytes), terminal_(terminal), start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

void ProgressLine::update(const ReadProgress& progress) {
  latest_ = progress;
  const auto now = std::chrono::steady_clock::now();
  // A few times a second is enough to see it move; a log gets a line every few seconds.
  if (now - last_print_ < std::chrono::milliseconds(terminal_ ? 250 : 5000)) return;
  last_print_ = now;
  print(false);
}

void ProgressLine::finish() { print(true); }

void ProgressLine::print(bool final) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // "\r" and erasing to the end of the line rewrite the same line on a terminal.
  if (terminal_) out_ << "\r\x1b[K";
  out_ << "comention: " << describe_progress(latest_, total_bytes_, seconds);
  if (final || !terminal_) out_ << '\n';
  out_.flush();
}

}  // namespace comention::cli
