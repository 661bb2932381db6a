// Internal: the built-in gazetteer and its matchers, compiled into the program when comention is
// built (src/tools/make_builtin_images.cpp), so that start-up builds neither.
#pragma once

#include <span>

namespace comention::detail {

enum class BuiltinNames { english, every_language };

// The image (Matcher::image) of the built-in gazetteer's matcher with the default options, of
// English names or of every language's; empty in the tool that makes them.
std::span<const unsigned char> builtin_matcher_image(BuiltinNames names) noexcept;

// The image (Gazetteer::image) of the built-in gazetteer of English names with English labels;
// empty in the tool that makes it.
std::span<const unsigned char> builtin_gazetteer_image() noexcept;

}  // namespace comention::detail
