#include "comention/output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "comention/error.hpp"

namespace comention {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_ == "-") return;
  namespace fs = std::filesystem;
  const fs::path target(path_);
  if (fs::is_directory(target)) throw InputError(path_, "is a directory, not an output file");
  // The temporary file sits beside the target so that the final rename stays on one file system.
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const int fd = ::mkstemp(buffer.data());
  if (fd < 0) throw InputError(path_, std::string("cannot create output file (") + std::strerror(errno) + ")");
  ::close(fd);
  temporary_path_ = buffer.data();
  file_.open(temporary_path_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    std::remove(temporary_path_.c_str());
    throw InputError(path_, "cannot write output file");
  }
}

AtomicOutput::~AtomicOutput() {
  if (!committed_ && !temporary_path_.empty()) {
    file_.close();
    std::remove(temporary_path_.c_str());
  }
}

std::ostream& AtomicOutput::stream() noexcept {
  if (path_ == "-") return std::cout;
  return file_;
}

void AtomicOutput::commit() {
  if (path_ == "-") {
    std::cout.flush();
    if (!std::cout) throw InputError("-", "cannot write to standard output");
    committed_ = true;
    return;
  }
  file_.flush();
  file_.close();
  if (file_.fail()) throw InputError(path_, "cannot write output file (disk full?)");
  // mkstemp creates the file mode 0600; outputs are ordinary files, so honour the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  std::filesystem::permissions(temporary_path_,
                               static_cast<std::filesystem::perms>(0666 & ~mask),
                               std::filesystem::perm_options::replace);
  if (std::rename(temporary_path_.c_str(), path_.c_str()) != 0) {
    throw InputError(path_, std::string("cannot replace output file (") + std::strerror(errno) + ")");
  }
  committed_ = true;
}

}  // namespace comention
