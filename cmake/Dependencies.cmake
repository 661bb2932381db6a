# Every third-party dependency comes from a Debian package and is found here, in one place.
# Nothing is downloaded at configure or build time.
find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS graph)       # libboost-graph-dev
find_package(nlohmann_json 3.10 REQUIRED CONFIG)                # nlohmann-json3-dev
find_package(simdjson 3.0 REQUIRED CONFIG)                      # libsimdjson-dev
find_package(LibArchive 3.4 REQUIRED MODULE)                    # libarchive-dev: compressed files, archives
find_package(PkgConfig REQUIRED)
# The prefix is comention's own: the installed CMake package defines the same imported target,
# and a consumer's own GRAPHVIZ variables must not collide with it.
pkg_check_modules(comention_graphviz REQUIRED IMPORTED_TARGET libcgraph libgvc)   # libgraphviz-dev
pkg_check_modules(comention_gumbo REQUIRED IMPORTED_TARGET gumbo)                 # libgumbo-dev
pkg_check_modules(comention_utf8proc REQUIRED IMPORTED_TARGET libutf8proc)        # libutf8proc-dev: Unicode folding
# CLD2 (language identification) ships no pkg-config file: its header and library are looked up.
find_path(COMENTION_CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h)            # libcld2-dev
find_library(COMENTION_CLD2_LIBRARY cld2)
if(NOT COMENTION_CLD2_INCLUDE_DIR OR NOT COMENTION_CLD2_LIBRARY)
  message(FATAL_ERROR "comention needs CLD2, the Compact Language Detector 2 (Debian: libcld2-dev)")
endif()
if(NOT TARGET comention_cld2)
  add_library(comention_cld2 UNKNOWN IMPORTED)
  set_target_properties(comention_cld2 PROPERTIES IMPORTED_LOCATION "${COMENTION_CLD2_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${COMENTION_CLD2_INCLUDE_DIR}")
endif()
if(COMENTION_BUILD_TESTS)
  find_package(doctest 2.4 REQUIRED CONFIG)                     # doctest-dev
  # The tests read outputs with Debian's python3-* modules (networkx, selenium), which only
  # Debian's interpreter sees; a python3 earlier on PATH (pyenv, a virtualenv) would not.
  if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "The Python 3 interpreter of the tests")
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
endif()
