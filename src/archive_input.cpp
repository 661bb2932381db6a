#include "archive_input.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <cstring>
#include <sys/stat.h>

#include "comention/error.hpp"

namespace comention::detail {

bool is_compressed_or_archive(std::string_view head) noexcept {
  auto starts = [&](std::string_view magic) { return head.starts_with(magic); };
  using namespace std::string_view_literals;
  if (starts("\x1F\x8B"sv)) return true;                          // gzip
  if (starts("\xFD" "7zXZ\0"sv)) return true;                     // xz
  if (starts("\x28\xB5\x2F\xFD"sv)) return true;                  // zstd
  if (starts("BZh"sv) && head.size() >= 10 && head[3] >= '1' && head[3] <= '9' &&
      head.substr(4, 6) == "\x31\x41\x59\x26\x53\x59"sv) {        // bzip2: "BZh", level, pi
    return true;
  }
  if (starts("PK\x03\x04"sv) || starts("PK\x05\x06"sv)) return true;  // zip, and an empty zip
  // tar: "ustar" at 257, POSIX ("ustar\0") or GNU ("ustar  \0").
  return head.size() >= 263 && head.substr(257, 5) == "ustar" && (head[262] == '\0' || head[262] == ' ');
}

// libarchive calls back into C++ here; no exception may cross its C frames, so an upstream
// failure is held and rethrown once libarchive has returned.
struct ArchiveCallbacks {
  static la_ssize_t read(struct archive*, void* self, const void** data) {
    auto& input = *static_cast<ArchiveInput*>(self);
    try {
      const std::string_view chunk = input.upstream_.available();
      input.upstream_.consume(chunk.size());  // stays valid until the next call: libarchive's contract
      *data = chunk.data();
      return static_cast<la_ssize_t>(chunk.size());
    } catch (...) {
      input.upstream_failure_ = std::current_exception();
      return ARCHIVE_FATAL;
    }
  }
};

ArchiveInput::ArchiveInput(InputBuffer& upstream, std::string name) : upstream_(upstream), name_(std::move(name)) {
  archive_ = archive_read_new();
  if (!archive_) throw std::bad_alloc();
  archive_read_support_filter_all(archive_);
  archive_read_support_format_tar(archive_);
  archive_read_support_format_gnutar(archive_);
  // The streamable reader: the seeking one would need the whole file, which a pipe or a member
  // of another archive cannot give.
  archive_read_support_format_zip_streamable(archive_);
  // Bids only when no archive format does: a compressed file that is not an archive.
  archive_read_support_format_raw(archive_);
  if (archive_read_open(archive_, this, nullptr, ArchiveCallbacks::read, nullptr) != ARCHIVE_OK) {
    // No destructor runs for an object whose constructor throws: the archive is freed here.
    try {
      fail("cannot decompress or unpack");
    } catch (...) {
      archive_read_free(archive_);
      throw;
    }
  }
}

ArchiveInput::~ArchiveInput() { archive_read_free(archive_); }

void ArchiveInput::fail(std::string_view doing) {
  if (upstream_failure_) std::rethrow_exception(upstream_failure_);
  const char* reason = archive_error_string(archive_);
  throw InputError(name_, std::string(doing) + (reason ? " (" + std::string(reason) + ")" : std::string()));
}

bool ArchiveInput::next_member(std::string& path) {
  for (;;) {
    struct archive_entry* entry = nullptr;
    const int status = archive_read_next_header(archive_, &entry);
    if (status == ARCHIVE_EOF) return false;
    if (status < ARCHIVE_WARN) fail(started_ ? "cannot read the next member" : "cannot decompress or unpack");
    if (!started_) {
      started_ = true;
      single_stream_ = archive_format(archive_) == ARCHIVE_FORMAT_RAW;
    }
    if (single_stream_) {
      path.clear();
      return true;
    }
    const char* name = archive_entry_pathname_utf8(entry);
    if (!name) name = archive_entry_pathname(entry);
    const auto type = archive_entry_filetype(entry);
    if (type != AE_IFREG) {
      // A folder holds nothing of its own; a link or a device is something not read, so it is
      // counted for the reader to report.
      if (type != AE_IFDIR && passed_over_++ == 0) first_passed_over_ = name ? name : "";
      continue;
    }
    path = name ? name : "";
    member_ = path;
    return true;
  }
}

std::size_t ArchiveInput::read(char* buffer, std::size_t size) {
  const la_ssize_t count = archive_read_data(archive_, buffer, size);
  if (count < 0) {
    if (upstream_failure_) std::rethrow_exception(upstream_failure_);
    const char* reason = archive_error_string(archive_);
    throw InputError(member_.empty() ? name_ : name_ + ":" + member_,
                     std::string("cannot decompress") + (reason ? " (" + std::string(reason) + ")" : std::string()));
  }
  return static_cast<std::size_t>(count);
}

}  // namespace comention::detail
