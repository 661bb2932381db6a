// Pieces the subcommands share.
#pragma once

#include <string>
#include <string_view>

#include "comention/gazetteer.hpp"
#include "comention/graph.hpp"
#include "options.hpp"

namespace comention::cli {

// The built-in gazetteer (unless switched off) with the --gazetteer files on top, in order.
Gazetteer load_gazetteer(const GazetteerOptions& options);

// The id of the entity `name` stands for (an id in any case, a label or a name: see
// Gazetteer::lookup), or a UsageError "`what` NAME: no such entity", with a suggestion when
// the name is a near miss. `what` says where it was asked for: "--focus", "explain".
std::string resolve_entity(const Gazetteer& gazetteer, const std::string& name, std::string_view what);

// Whether progress goes to standard error: when it is a terminal, or when --progress asks.
bool shows_progress(const BuildOptions& options);

// Reads every input, counts co-mentions and builds the graph the options ask for.
CoMentionGraph count_graph(const BuildOptions& options, const Gazetteer& gazetteer);

}  // namespace comention::cli
