// Internal to the reader: a compressed file or an archive, read as a stream through libarchive.
// Not installed; libarchive's types stay in archive_input.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "input_buffer.hpp"

struct archive;

namespace comention::detail {

// Whether data starting with `head` is compressed (gzip, xz, zstd, bzip2) or an archive (tar,
// zip), judged by magic bytes alone. `head` should hold the first 512 bytes when there are so
// many: a tar file says so at byte 257.
bool is_compressed_or_archive(std::string_view head) noexcept;

// The decompressed bytes of a compressed file, or the members of an archive one after another
// (a compressed archive, such as .tar.gz, is an archive). libarchive reads from `upstream` as
// it goes, a block at a time: nothing is copied to disk and memory stays bounded.
//
//   ArchiveInput archive(file_buffer, "news.tar.gz");
//   std::string member;
//   while (archive.next_member(member)) { member_buffer.open_stream(archive, ...); ... }
class ArchiveInput : public ByteStream {
 public:
  // Throws InputError naming `name` when the data is neither a compressed stream nor an archive
  // libarchive can read.
  ArchiveInput(InputBuffer& upstream, std::string name);
  ~ArchiveInput() override;
  ArchiveInput(const ArchiveInput&) = delete;
  ArchiveInput& operator=(const ArchiveInput&) = delete;

  // Moves to the next regular file, its path inside the archive in `path`; false after the
  // last. Folders, links and devices are passed over, and the links and devices counted. A
  // compressed file that is not an archive has one member, whose path is empty: single_stream()
  // then says so.
  bool next_member(std::string& path);
  bool single_stream() const noexcept { return single_stream_; }
  // The links and devices passed over so far, and the path of the first.
  std::uint64_t passed_over() const noexcept { return passed_over_; }
  const std::string& first_passed_over() const noexcept { return first_passed_over_; }

  // The current member's data.
  std::size_t read(char* buffer, std::size_t size) override;

 private:
  friend struct ArchiveCallbacks;  // libarchive's read callback, which pulls from upstream_
  [[noreturn]] void fail(std::string_view doing);

  InputBuffer& upstream_;
  std::string name_;
  std::string member_;  // the current member's path, for errors
  struct archive* archive_ = nullptr;
  bool single_stream_ = false;
  bool started_ = false;
  std::uint64_t passed_over_ = 0;
  std::string first_passed_over_;
  std::exception_ptr upstream_failure_;  // an InputError from upstream, held across libarchive
};

}  // namespace comention::detail
