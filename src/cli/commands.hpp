// One function per subcommand; each returns the process exit status.
#pragma once

#include <string>
#include <vector>

namespace comention::cli {

int run_build(const std::vector<std::string>& args);
int run_mentions(const std::vector<std::string>& args);
int run_gazetteer(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);

}  // namespace comention::cli
