// Internal: the gazetteer files compiled into the binary (see cmake/EmbedGazetteer.cmake).
#pragma once

#include <span>
#include <string_view>

namespace comention::detail {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_gazetteer_files();

}  // namespace comention::detail
