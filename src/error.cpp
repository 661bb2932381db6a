#include "comention/error.hpp"

namespace comention {

InputError::InputError(std::string file, std::size_t line, const std::string& message)
    : std::runtime_error(file + ":" + std::to_string(line) + ": " + message),
      file_(std::move(file)),
      line_(line) {}

InputError::InputError(std::string file, const std::string& message)
    : std::runtime_error(file + ": " + message), file_(std::move(file)) {}

}  // namespace comention
