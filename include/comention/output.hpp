// Output files that appear whole or not at all.
//
//   comention::AtomicOutput out("graph.json");   // writes to a temporary file beside it
//   write_json(graph, out.stream());
//   out.commit();                                // renames it into place
//
// If commit() is never reached (an error, an exception), the temporary file is removed and an
// existing graph.json is left untouched. The path "-" writes straight to standard output.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace comention {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);  // throws InputError if the directory is not writable
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  std::ostream& stream() noexcept;
  void commit();  // throws InputError if writing or renaming failed

  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
  std::string temporary_path_;
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace comention
