# Every third-party dependency comes from a Debian package and is found here, in one place.
# Nothing is downloaded at configure or build time.
find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS graph)       # libboost-graph-dev
find_package(nlohmann_json 3.10 REQUIRED CONFIG)                # nlohmann-json3-dev
find_package(simdjson 3.0 REQUIRED CONFIG)                      # libsimdjson-dev
find_package(PkgConfig REQUIRED)
pkg_check_modules(GRAPHVIZ REQUIRED IMPORTED_TARGET libcgraph libgvc)   # libgraphviz-dev
if(COMENTION_BUILD_TESTS)
  find_package(doctest 2.4 REQUIRED CONFIG)                     # doctest-dev
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
endif()
