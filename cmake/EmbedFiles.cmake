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

# The gazetteer's load order: a later file overrides an earlier one. The generated names of each
# language (names-LANG.tsv) come after the English files and before the curated names
# (names-curated.tsv, then organizations' names and countries' short forms in every language);
# the program reads a names-LANG.tsv only when LANG is asked for, and a `name` record of the
# curated files only when its LANG is.
set(COMENTION_NAMES_LANGUAGES ar bn de el es fa fr he hi id it ja ko nl pl pt ru sv sw tr uk ur vi zh)
set(COMENTION_NAMES_FILES "")
foreach(language IN LISTS COMENTION_NAMES_LANGUAGES)
  list(APPEND COMENTION_NAMES_FILES ${PROJECT_SOURCE_DIR}/data/gazetteer/names-${language}.tsv)
endforeach()
set(COMENTION_EMBEDDED_GAZETTEER_CPP ${PROJECT_BINARY_DIR}/generated/embedded_gazetteer.cpp)
comention_embed_files(${COMENTION_EMBEDDED_GAZETTEER_CPP} embedded_gazetteer_files
  ${PROJECT_SOURCE_DIR}/data/gazetteer/countries.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/historical.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/organizations.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/curated.tsv
  ${COMENTION_NAMES_FILES}
  ${PROJECT_SOURCE_DIR}/data/gazetteer/names-curated.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/names-organizations.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/names-short-forms.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/demonyms-more.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/names-cjk.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/demonyms.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/inflections.tsv)

set(COMENTION_EMBEDDED_VIEWER_CPP ${PROJECT_BINARY_DIR}/generated/embedded_viewer.cpp)
comention_embed_files(${COMENTION_EMBEDDED_VIEWER_CPP} embedded_viewer_files
  ${PROJECT_SOURCE_DIR}/src/export/viewer/viewer.html
  ${PROJECT_SOURCE_DIR}/src/export/viewer/viewer.css
  ${PROJECT_SOURCE_DIR}/src/export/viewer/viewer.js)
