# Script mode (cmake -P): writes OUTPUT, a C++ source defining
# comention::detail::embedded_gazetteer_files() over the files in INPUTS.
set(delimiter "gazetteer_tsv")
set(body "")
foreach(input IN LISTS INPUTS)
  file(READ "${input}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${input} contains the raw-string delimiter ${delimiter}")
  endif()
  get_filename_component(name "${input}" NAME)
  string(APPEND body "    {\"${name}\", R\"${delimiter}(${content})${delimiter}\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from data/gazetteer/ by cmake/embed_files.cmake. Do not edit.
#include \"embedded_data.hpp\"

namespace comention::detail {

std::span<const EmbeddedFile> embedded_gazetteer_files() {
  static constexpr EmbeddedFile files[] = {
${body}  };
  return files;
}

}  // namespace comention::detail
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
