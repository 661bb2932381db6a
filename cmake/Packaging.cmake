# Debian packages through CPack (scripts/package runs it): comention, the program, and
# libcomention-dev, the library for C++ code. dpkg-shlibdeps computes the program's run-time
# dependencies from the libraries it links; the -dev package names the -dev packages that the
# installed CMake package looks for.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME comention)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the comention authors")
set(CPACK_PACKAGE_CONTACT "comention developers <comention@users.noreply.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
# <name>_<version>_<architecture>.deb, as Debian names its own files.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME comention)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
# The DOT files it writes are for Graphviz's own programs; comention draws without them.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS graphviz)
# Each description is the extended one: CPack puts the project's DESCRIPTION before it as the
# synopsis, indents its lines by one space and turns blank lines into " .", as Debian wants.
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
"comention reads news articles (text files, folders, JSON Lines), finds every
mention of a country or an international organization with a built-in
gazetteer, and joins two entities named in the same sentence, paragraph or
document by an edge whose weight counts those co-occurrences.

It writes the graph as node-link JSON, Graphviz DOT, SVG, PNG and PDF
drawings, GraphML, GEXF, Cytoscape.js, graphology and CSV files, and a
self-contained interactive HTML viewer; it explains each edge with the
sentences behind it and counts ties per day, week, month or year.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libcomention-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libboost-graph-dev (>= 1.74), nlohmann-json3-dev (>= 3.10), libsimdjson-dev (>= 3.0), libarchive-dev (>= 3.4), libgraphviz-dev, libgumbo-dev, libutf8proc-dev, libcld2-dev, pkg-config")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
"The C++ library behind the comention program: a gazetteer matcher that finds
mentions of countries and international organizations in text, a sentence
and paragraph segmenter, co-occurrence counting into a weighted Boost.Graph,
network measures and the exporters.

This package holds the headers, the static library and the CMake package:
find_package(comention CONFIG) gives the target comention::core.")

include(CPack)
