// The images of src/tools/make_builtin_images, made when comention is built, included byte for
// byte by the assembler: as a C++ array their 11 MB would take the compiler minutes.
#include "builtin_images.hpp"

#if !defined(COMENTION_GAZETTEER_IMAGE) || !defined(COMENTION_ENGLISH_IMAGE) || !defined(COMENTION_EVERY_LANGUAGE_IMAGE)
#error "COMENTION_GAZETTEER_IMAGE, COMENTION_ENGLISH_IMAGE and COMENTION_EVERY_LANGUAGE_IMAGE name the images (src/CMakeLists.txt)"
#endif

// 64-byte alignment: Matcher::from_image reads the tables in place and checks that.
#define COMENTION_INCLUDE_IMAGE(symbol, path)                \
  asm(".section .rodata.comention_images,\"a\",@progbits\n"    \
      ".balign 64\n"                                           \
      ".globl " symbol "_begin\n"                              \
      ".hidden " symbol "_begin\n"                             \
      symbol "_begin:\n"                                       \
      ".incbin \"" path "\"\n"                                 \
      ".globl " symbol "_end\n"                                \
      ".hidden " symbol "_end\n"                               \
      symbol "_end:\n"                                         \
      ".previous\n")

COMENTION_INCLUDE_IMAGE("comention_gazetteer_image", COMENTION_GAZETTEER_IMAGE);
COMENTION_INCLUDE_IMAGE("comention_english_image", COMENTION_ENGLISH_IMAGE);
COMENTION_INCLUDE_IMAGE("comention_every_language_image", COMENTION_EVERY_LANGUAGE_IMAGE);

extern "C" {
extern const unsigned char comention_gazetteer_image_begin[];
extern const unsigned char comention_gazetteer_image_end[];
extern const unsigned char comention_english_image_begin[];
extern const unsigned char comention_english_image_end[];
extern const unsigned char comention_every_language_image_begin[];
extern const unsigned char comention_every_language_image_end[];
}

namespace comention::detail {

std::span<const unsigned char> builtin_matcher_image(BuiltinNames names) noexcept {
  if (names == BuiltinNames::english) return {comention_english_image_begin, comention_english_image_end};
  return {comention_every_language_image_begin, comention_every_language_image_end};
}

std::span<const unsigned char> builtin_gazetteer_image() noexcept {
  return {comention_gazetteer_image_begin, comention_gazetteer_image_end};
}

}  // namespace comention::detail
