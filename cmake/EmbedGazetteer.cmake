# The default gazetteer is compiled into the binary so that comention needs no configuration.
# The TSV files under data/gazetteer/ become one C++ source holding them as raw string literals;
# the order of this list is the order in which they are loaded.
set(COMENTION_GAZETTEER_FILES
  ${PROJECT_SOURCE_DIR}/data/gazetteer/countries.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/historical.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/organizations.tsv
  ${PROJECT_SOURCE_DIR}/data/gazetteer/curated.tsv)
set(COMENTION_EMBEDDED_GAZETTEER_CPP ${PROJECT_BINARY_DIR}/generated/embedded_gazetteer.cpp)

add_custom_command(
  OUTPUT ${COMENTION_EMBEDDED_GAZETTEER_CPP}
  COMMAND ${CMAKE_COMMAND}
          "-DOUTPUT=${COMENTION_EMBEDDED_GAZETTEER_CPP}"
          "-DINPUTS=${COMENTION_GAZETTEER_FILES}"
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
  DEPENDS ${COMENTION_GAZETTEER_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
  COMMENT "Embedding the default gazetteer"
  VERBATIM)
