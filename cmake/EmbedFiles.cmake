# Files compiled into the binary, so that comention needs no data files at run time: the default
# gazetteer, and the HTML viewer's template, stylesheet and script. Each set becomes one C++
# source holding the files as raw string literals, in the order listed.

# comention_embed_files(OUTPUT FUNCTION FILE...): OUTPUT defines comention::detail::FUNCTION()
# (declared in src/embedded_data.hpp) over the files.
function(comention_embed_files output function)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND}
            "-DOUTPUT=${output}"
            "-DINPUTS=${ARGN}"
            -DFUNCTION=${function}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${function}"
    VERBATIM)
endfunction()

# The gazetteer's load order: a later file overrides an earlier one.
set(COMENTION_EMBEDDED_GAZETTEER_CPP ${PROJECT_BINARY_DIR}/generated/embedded_gazetteer.cpp)
comention_embed_files(${COMENTION_EMBEDDED_GAZETTEER_CPP} embedded_gazetteer_files
  ${PROJECT_SOURCE_DIR}/data/gazetteer/countries.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/historical.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/organizations.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/curated.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/names.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/names-curated.tsv)

set(COMENTION_EMBEDDED_VIEWER_CPP ${PROJECT_BINARY_DIR}/generated/embedded_viewer.cpp)
comention_embed_files(${COMENTION_EMBEDDED_VIEWER_CPP} embedded_viewer_files
  ${PROJECT_SOURCE_DIR}/src/export/viewer/viewer.html
  ${PROJECT_SOURCE_DIR}/src/export/viewer/viewer.css
  ${PROJECT_SOURCE_DIR}/src/export/viewer/viewer.js)
