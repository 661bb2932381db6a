// Internal: files compiled into the binary (see cmake/EmbedFiles.cmake): the default
// gazetteer, and the HTML viewer's template, stylesheet and script.
#pragma once

#include <span>
#include <string_view>

namespace comention::detail {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_gazetteer_files();
std::span<const EmbeddedFile> embedded_viewer_files();

}  // namespace comention::detail
