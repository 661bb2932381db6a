#include "common.hpp"

namespace comention::cli {

Gazetteer load_gazetteer(const GazetteerOptions& options) {
  GazetteerBuilder builder;
  if (options.builtin) builder.add_builtin();
  for (const std::string& file : options.files) builder.add_file(file);
  return builder.build();
}

}  // namespace comention::cli
