// The comention command: parses the subcommand, runs it, maps errors to exit statuses.
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "comention/error.hpp"
#include "comention/text.hpp"
#include "comention/version.hpp"
#include "options.hpp"

namespace {

constexpr int kExitError = 2;     // bad input or usage: the user can fix it
constexpr int kExitInternal = 1;  // something we did not foresee

int run(const std::vector<std::string>& args) {
  using namespace comention::cli;
  if (args.empty()) {
    std::cerr << kMainHelp;
    return kExitError;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kMainHelp;
    return 0;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "comention " COMENTION_VERSION "\n";
    return 0;
  }
  if (command == "build") return run_build(rest);
  if (command == "mentions") return run_mentions(rest);
  if (command == "gazetteer") return run_gazetteer(rest);
  if (command == "explain") return run_explain(rest);
  const auto nearest = comention::closest_word(command, {"build", "mentions", "explain", "gazetteer"});
  if (nearest) throw comention::UsageError("unknown command '" + command + "': did you mean " + std::string(*nearest) + "?");
  throw comention::UsageError("unknown command '" + command + "' (see comention --help)");
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return run(args);
  } catch (const comention::InputError& error) {
    std::cerr << "comention: error: " << error.what() << '\n';
    return kExitError;
  } catch (const comention::UsageError& error) {
    std::cerr << "comention: error: " << error.what() << '\n';
    return kExitError;
  } catch (const std::exception& error) {
    std::cerr << "comention: internal error: " << error.what() << '\n';
    return kExitInternal;
  }
}
