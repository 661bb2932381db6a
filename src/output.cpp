#include "comention/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>

#include "comention/error.hpp"

namespace comention {
namespace fs = std::filesystem;

namespace {

std::string reason(int error) { return std::strerror(error); }

// Creates a new file with a fresh name beside `target`, mode 0666 less the umask (as any file the
// user creates), and returns its path.
std::string create_temporary_beside(const fs::path& target, const std::string& shown_path) {
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device seed;
  std::mt19937_64 random(seed());
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[20];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(random()));
    const std::string candidate =
        (directory / ("." + target.filename().string() + ".tmp-" + suffix)).string();
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return candidate;
    }
    if (errno != EEXIST) throw InputError(shown_path, "cannot create output file (" + reason(errno) + ")");
  }
  throw InputError(shown_path, "cannot create a temporary file beside it");
}

}  // namespace

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)), target_path_(path_) {
  if (path_ == "-") return;
  std::error_code error;
  const fs::file_status link_status = fs::symlink_status(path_, error);
  if (fs::is_symlink(link_status)) {
    target_path_ = fs::weakly_canonical(path_, error).string();
    if (error) throw InputError(path_, "cannot follow the symbolic link (" + error.message() + ")");
  }
  const fs::file_status status = fs::status(target_path_, error);
  if (fs::is_directory(status)) throw InputError(path_, "is a directory, not an output file");
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or a FIFO cannot be replaced: write to it as it is.
    file_.open(target_path_, std::ios::binary | std::ios::out);
    if (!file_) throw InputError(path_, "cannot write (" + reason(errno) + ")");
    return;
  }
  temporary_path_ = create_temporary_beside(target_path_, path_);
  if (fs::is_regular_file(status)) {
    // The new file keeps the permissions of the one it replaces.
    fs::permissions(temporary_path_, status.permissions(), fs::perm_options::replace, error);
  }
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

void AtomicOutput::finish() {
  if (finished_) return;
  if (path_ == "-") {
    std::cout.flush();
    if (!std::cout) throw InputError("-", "cannot write to standard output");
  } else {
    file_.flush();
    file_.close();
    if (file_.fail()) throw InputError(path_, "cannot write output file (disk full?)");
  }
  finished_ = true;
}

void AtomicOutput::commit() {
  finish();
  if (!temporary_path_.empty() && std::rename(temporary_path_.c_str(), target_path_.c_str()) != 0) {
    throw InputError(path_, "cannot replace output file (" + reason(errno) + ")");
  }
  committed_ = true;
}

}  // namespace comention
