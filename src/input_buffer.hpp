// Internal to the reader: bytes from a file, standard input or a decompressed stream, read in
// large blocks and handed out as lines, as chunks, or whole. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace comention::detail {

// Bytes that follow every line and chunk InputBuffer hands out, readable and zeroed past the
// data: simdjson parses a record in place and reads up to this far past its end (reader.cpp
// checks that it is at least simdjson's SIMDJSON_PADDING).
inline constexpr std::size_t kInputPadding = 64;

// Where an InputBuffer's bytes come from when it is not a file: a decompressed stream or an
// archive member (archive_input.hpp).
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Up to size bytes into buffer; 0 only at the end. Throws InputError when reading fails.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

// Reads blocks of a megabyte with read(2) (so standard input streams, and no read error
// passes for the end of the input) or from a ByteStream. It holds at most one block, or the
// current line when that is longer, and lets the first bytes be looked at before anything is
// consumed, which is how the reader tells a format by its content.
class InputBuffer {
 public:
  InputBuffer() = default;
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;
  ~InputBuffer() { close(); }

  // Starts on path, or on standard input for "-"; throws InputError when it cannot be opened.
  void open_file(const std::string& path);
  // Starts on stream, which must outlive the reading; name is what errors say.
  void open_stream(ByteStream& stream, const std::string& name);
  void close() noexcept;

  const std::string& name() const noexcept { return name_; }
  // Bytes handed out so far (lines with their ends, chunks, whole reads), over every input.
  std::uint64_t consumed() const noexcept { return consumed_; }

  // At least `size` unread bytes, fewer only when the input ends first; consumes nothing.
  std::string_view peek(std::size_t size);
  // The unread bytes buffered now, without reading.
  std::string_view buffered() const noexcept { return {buffer_.get() + begin_, end_ - begin_}; }
  // Reads once more into the buffer (a pipe gives what it has); false at the end of the input.
  bool read_some();

  // The next line without its '\n', valid until the next call; false at the end of the input.
  // The last line needs no '\n'. Defined here, to be inlined in the JSON Lines loop.
  bool next_line(std::string_view& line);

  // The unread bytes buffered, reading a block when there are none; empty at the end. Valid
  // until the next call; consume() says how many were used.
  std::string_view available();
  void consume(std::size_t size) noexcept;

  // Up to size bytes, for a reader stacked on this one (a decompressor).
  std::size_t read(char* out, std::size_t size);
  // Appends everything left to out.
  void read_rest(std::string& out);

 private:
  void read_more();
  std::size_t read_source(char* out, std::size_t size);
  void reallocate(std::size_t capacity);
  void clear_padding() noexcept;

  std::unique_ptr<char[]> buffer_;  // capacity_ + kInputPadding bytes
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;    // the unread data is [begin_, end_)
  std::size_t scanned_ = 0;  // [begin_, scanned_) holds no '\n'
  std::size_t end_ = 0;
  bool at_end_ = false;      // the source said there is no more
  std::uint64_t consumed_ = 0;
  int fd_ = -1;
  bool owns_fd_ = false;     // false for standard input, which stays open
  ByteStream* stream_ = nullptr;
  std::string name_;         // for error messages
};

inline bool InputBuffer::next_line(std::string_view& line) {
  for (;;) {
    char* const data = buffer_.get();
    if (const void* newline = std::memchr(data + scanned_, '\n', end_ - scanned_)) {
      const auto line_end = static_cast<std::size_t>(static_cast<const char*>(newline) - data);
      line = std::string_view(data + begin_, line_end - begin_);
      consumed_ += line_end + 1 - begin_;
      begin_ = scanned_ = line_end + 1;
      return true;
    }
    scanned_ = end_;
    if (at_end_) {
      if (begin_ == end_) return false;
      line = std::string_view(data + begin_, end_ - begin_);
      consumed_ += end_ - begin_;
      begin_ = scanned_ = end_;
      return true;
    }
    read_more();
  }
}

}  // namespace comention::detail
