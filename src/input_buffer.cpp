#include "input_buffer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "comention/error.hpp"

namespace comention::detail {

namespace {

// A longer line, or a longer peek, is held whole.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

std::string system_reason() { return std::strerror(errno); }

}  // namespace

void InputBuffer::open_file(const std::string& path) {
  close();
  const bool from_stdin = path == "-";
  fd_ = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError(path, "cannot open file (" + system_reason() + ")");
  owns_fd_ = !from_stdin;
  name_ = path;
  begin_ = scanned_ = end_ = 0;
  at_end_ = false;
  if (!buffer_ || capacity_ != kBlockBytes) reallocate(kBlockBytes);
}

void InputBuffer::open_stream(ByteStream& stream, const std::string& name) {
  close();
  stream_ = &stream;
  name_ = name;
  begin_ = scanned_ = end_ = 0;
  at_end_ = false;
  if (!buffer_ || capacity_ != kBlockBytes) reallocate(kBlockBytes);
}

void InputBuffer::close() noexcept {
  if (owns_fd_) ::close(fd_);
  fd_ = -1;
  owns_fd_ = false;
  stream_ = nullptr;
}

std::string_view InputBuffer::peek(std::size_t size) {
  while (end_ - begin_ < size && !at_end_) read_more();
  return {buffer_.get() + begin_, std::min(size, end_ - begin_)};
}

bool InputBuffer::read_some() {
  if (at_end_) return false;
  read_more();
  return !at_end_;
}

std::string_view InputBuffer::available() {
  while (begin_ == end_ && !at_end_) read_more();
  return {buffer_.get() + begin_, end_ - begin_};
}

void InputBuffer::consume(std::size_t size) noexcept {
  begin_ += size;
  scanned_ = std::max(scanned_, begin_);
  consumed_ += size;
}

std::size_t InputBuffer::read(char* out, std::size_t size) {
  const std::string_view data = available();
  const std::size_t count = std::min(size, data.size());
  std::memcpy(out, data.data(), count);
  consume(count);
  return count;
}

void InputBuffer::read_rest(std::string& out) {
  // Block by block through the buffer: out grows by what arrives, so a short document's string
  // holds a short capacity. (Reading straight into a string sized ahead would give every small
  // file of a folder a megabyte, and the pipeline keeps thousands of them per batch.)
  for (std::string_view data = available(); !data.empty(); data = available()) {
    out.append(data);
    consume(data.size());
  }
}

// Moves the unfinished line to the front of the buffer and reads after it, growing the
// buffer when the line fills it and shrinking it back once a long line is behind us.
void InputBuffer::read_more() {
  const std::size_t pending = end_ - begin_;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, pending);
    scanned_ -= begin_;
    begin_ = 0;
    end_ = pending;
  }
  if (end_ == capacity_) {
    reallocate(capacity_ * 2);
  } else if (capacity_ > kBlockBytes && pending < kBlockBytes / 2) {
    reallocate(kBlockBytes);
  }
  const std::size_t count = read_source(buffer_.get() + end_, capacity_ - end_);
  if (count == 0) {
    at_end_ = true;
  } else {
    end_ += count;
    clear_padding();
  }
}

std::size_t InputBuffer::read_source(char* out, std::size_t size) {
  if (stream_) return stream_->read(out, size);
  ssize_t count = 0;
  do {
    count = ::read(fd_, out, size);
  } while (count < 0 && errno == EINTR);
  if (count < 0) throw InputError(name_, "cannot read file (" + system_reason() + ")");
  return static_cast<std::size_t>(count);
}

void InputBuffer::reallocate(std::size_t capacity) {
  auto buffer = std::make_unique_for_overwrite<char[]>(capacity + kInputPadding);
  if (buffer_) std::memcpy(buffer.get(), buffer_.get(), end_);
  buffer_ = std::move(buffer);
  capacity_ = capacity;
  clear_padding();
}

// simdjson reads up to kInputPadding bytes past a line; past the data they must at least be
// initialised (for valgrind), and zeroing 64 bytes costs less than zeroing the whole buffer.
void InputBuffer::clear_padding() noexcept { std::memset(buffer_.get() + end_, 0, kInputPadding); }

}  // namespace comention::detail
