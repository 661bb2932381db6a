// Compressed files and archives made in memory with libarchive's writer, for the reader tests.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace comention::testing {

// members packed as `format` ("raw": one member, compressed only; "pax", "zip") through
// `filter` ("none", "gzip", "xz", "zstd", "bzip2"), then symbolic links (path, target).
inline std::string pack(const std::vector<std::pair<std::string, std::string>>& members, const char* format,
                        const char* filter = "none",
                        const std::vector<std::pair<std::string, std::string>>& links = {}) {
  std::string out;
  struct archive* writer = archive_write_new();
  REQUIRE(archive_write_set_format_by_name(writer, format) == ARCHIVE_OK);
  if (std::string(filter) != "none") REQUIRE(archive_write_add_filter_by_name(writer, filter) == ARCHIVE_OK);
  archive_write_set_bytes_in_last_block(writer, 1);
  auto append = [](struct archive*, void* data, const void* buffer, size_t size) -> la_ssize_t {
    static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), size);
    return static_cast<la_ssize_t>(size);
  };
  REQUIRE(archive_write_open(writer, &out, nullptr, append, nullptr) == ARCHIVE_OK);
  for (const auto& [name, content] : members) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    REQUIRE(archive_write_header(writer, entry) == ARCHIVE_OK);
    REQUIRE(archive_write_data(writer, content.data(), content.size()) == static_cast<la_ssize_t>(content.size()));
    archive_entry_free(entry);
  }
  for (const auto& [name, target] : links) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFLNK);
    archive_entry_set_symlink(entry, target.c_str());
    archive_entry_set_perm(entry, 0777);
    REQUIRE(archive_write_header(writer, entry) == ARCHIVE_OK);
    archive_entry_free(entry);
  }
  REQUIRE(archive_write_close(writer) == ARCHIVE_OK);
  archive_write_free(writer);
  return out;
}

// content compressed with filter, as gzip or xz would write it.
inline std::string compress(const std::string& content, const char* filter) { return pack({{"data", content}}, "raw", filter); }

}  // namespace comention::testing
