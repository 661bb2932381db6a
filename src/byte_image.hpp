// Internal: writing and reading the images of the built-in gazetteer and matchers
// (gazetteer_image.cpp, matcher_image.cpp): numbers in this machine's byte order (an image is
// read by the build that wrote it), strings with their length first.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace comention::detail {

class ImageWriter {
 public:
  void u8(std::uint8_t value) { out_ += static_cast<char>(value); }
  void u32(std::uint32_t value) { bytes(&value, sizeof value); }
  void u64(std::uint64_t value) { bytes(&value, sizeof value); }
  void string(std::string_view text) {
    u32(static_cast<std::uint32_t>(text.size()));
    out_ += text;
  }
  void bytes(const void* data, std::size_t size) { out_.append(static_cast<const char*>(data), size); }
  std::string& out() noexcept { return out_; }

 private:
  std::string out_;
};

// Reads what ImageWriter wrote; ok() turns false, for good, at the first read past the end.
class ImageReader {
 public:
  explicit ImageReader(std::span<const unsigned char> bytes) : bytes_(bytes) {}
  bool ok() const noexcept { return ok_; }
  bool at_end() const noexcept { return pos_ == bytes_.size(); }
  std::uint8_t u8() noexcept { return take(1) ? bytes_[pos_ - 1] : 0; }
  std::uint32_t u32() noexcept { return number<std::uint32_t>(); }
  std::uint64_t u64() noexcept { return number<std::uint64_t>(); }
  std::string string() {
    const std::uint32_t size = u32();
    if (!take(size)) return {};
    return std::string(reinterpret_cast<const char*>(bytes_.data() + pos_ - size), size);
  }
  // A count of items each at least `least_bytes` long: no more than the bytes left could hold,
  // so that a damaged count cannot make a reader reserve or loop without end.
  std::uint32_t count(std::size_t least_bytes) noexcept {
    const std::uint32_t n = u32();
    if (ok_ && least_bytes > 0 && n > (bytes_.size() - pos_) / least_bytes) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  template <typename T>
  T number() noexcept {
    T value = 0;
    if (take(sizeof value)) std::memcpy(&value, bytes_.data() + pos_ - sizeof value, sizeof value);
    return value;
  }
  bool take(std::size_t size) noexcept {
    if (!ok_ || bytes_.size() - pos_ < size) {
      ok_ = false;
      return false;
    }
    pos_ += size;
    return true;
  }
  std::span<const unsigned char> bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace comention::detail
