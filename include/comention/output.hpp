// Output files that appear whole or not at all.
//
//   comention::AtomicOutput out("graph.json");   // writes to a temporary file beside it
//   write_json(graph, out.stream());
//   out.commit();                                // renames it into place
//
// If commit() is never reached (an error, an exception), the temporary file is removed and an
// existing graph.json is left untouched. Several outputs that must appear together call
// finish() on each (which writes everything out and reports any error) before commit() on any.
// "-" writes straight to standard output. A target that exists and is not a regular file (a
// device such as /dev/null, a FIFO) is written directly, since it cannot be replaced; a symbolic
// link is followed, so the file it points to is replaced and the link kept.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace comention {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);  // throws InputError if the place is not writable
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  std::ostream& stream() noexcept;
  void finish();  // flushes and closes; throws InputError if any write failed
  void commit();  // finish(), then puts the file in place; throws InputError on failure

  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;            // as the user gave it, for messages
  std::string target_path_;     // where the file goes: path_, or what its symlink points to
  std::string temporary_path_;  // empty when writing in place (stdout, a device, a FIFO)
  std::ofstream file_;
  bool finished_ = false;
  bool committed_ = false;
};

}  // namespace comention
