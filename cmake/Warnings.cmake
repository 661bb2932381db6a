# Warnings and sanitizers live on INTERFACE targets so each target opts in by linking them.
add_library(comention_warnings INTERFACE)
target_compile_options(comention_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)

add_library(comention_sanitizers INTERFACE)
if(COMENTION_SANITIZE)
  target_compile_options(comention_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(comention_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
