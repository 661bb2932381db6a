# What `cmake --install` puts where, in two components that become the two Debian packages
# (cmake/Packaging.cmake): "runtime" is the program, its man page and its bash completion;
# "development" is the headers, the static library and the CMake package that finds them.
include(CMakePackageConfigHelpers)

set(COMENTION_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/comention)

install(TARGETS comention RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)

# Man pages and Debian's changelog are installed compressed, as Debian policy (and lintian) want;
# -n keeps the time stamp out of the file, so the same source gives the same bytes.
find_program(COMENTION_GZIP gzip REQUIRED)
function(comention_gzip source output)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${COMENTION_GZIP} -9 -n -c ${source} > ${output}
    DEPENDS ${source}
    COMMENT "Compressing ${source}"
    VERBATIM)
endfunction()
set(COMENTION_MAN_PAGE_GZ ${PROJECT_BINARY_DIR}/packaging/comention.1.gz)
set(COMENTION_CHANGELOG_GZ ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/packaging)
comention_gzip(${PROJECT_SOURCE_DIR}/packaging/comention.1 ${COMENTION_MAN_PAGE_GZ})
comention_gzip(${PROJECT_SOURCE_DIR}/packaging/debian/changelog ${COMENTION_CHANGELOG_GZ})
add_custom_target(comention_compressed_docs ALL
  DEPENDS ${COMENTION_MAN_PAGE_GZ} ${COMENTION_CHANGELOG_GZ})

install(FILES ${COMENTION_MAN_PAGE_GZ}
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
# bash-completion loads completions/NAME on demand when NAME is first completed.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/comention.bash-completion
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME comention COMPONENT runtime)
# Each Debian package carries its own copyright file (NOTICE: the project's and its data's
# sources and licences) and changelog in its own doc folder.
foreach(component_package IN ITEMS "runtime;comention" "development;libcomention-dev")
  list(GET component_package 0 component)
  list(GET component_package 1 package)
  install(FILES ${PROJECT_SOURCE_DIR}/NOTICE
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} RENAME copyright COMPONENT ${component})
  install(FILES ${COMENTION_CHANGELOG_GZ}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} RENAME changelog.gz COMPONENT ${component})
endforeach()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/comention
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/comention/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/comention COMPONENT development)

# comention_sanitizers goes with the library: a sanitized build's library needs the sanitizer
# runtime in whatever links it (it is empty in ordinary builds).
set_target_properties(comention_sanitizers PROPERTIES EXPORT_NAME sanitizers)
install(TARGETS comention_core comention_sanitizers EXPORT comentionTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT comentionTargets NAMESPACE comention::
  DESTINATION ${COMENTION_CMAKE_PACKAGE_DIR} COMPONENT development)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/comentionConfig.cmake.in
  ${PROJECT_BINARY_DIR}/packaging/comentionConfig.cmake
  INSTALL_DESTINATION ${COMENTION_CMAKE_PACKAGE_DIR})
# Before 1.0 a minor version may break the API, so 0.1 does not satisfy a request for 0.2.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/packaging/comentionConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/packaging/comentionConfig.cmake
              ${PROJECT_BINARY_DIR}/packaging/comentionConfigVersion.cmake
  DESTINATION ${COMENTION_CMAKE_PACKAGE_DIR} COMPONENT development)
