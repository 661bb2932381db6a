// Pieces the subcommands share.
#pragma once

#include "comention/gazetteer.hpp"
#include "comention/graph.hpp"
#include "options.hpp"

namespace comention::cli {

// The built-in gazetteer (unless switched off) with the --gazetteer files on top, in order.
Gazetteer load_gazetteer(const GazetteerOptions& options);

// Whether progress goes to standard error: when it is a terminal, or when --progress asks.
bool shows_progress(const BuildOptions& options);

// Reads every input, counts co-mentions and builds the graph the options ask for.
CoMentionGraph count_graph(const BuildOptions& options, const Gazetteer& gazetteer);

}  // namespace comention::cli
