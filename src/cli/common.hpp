// Pieces the subcommands share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/graph.hpp"
#include "comention/reader.hpp"
#include "options.hpp"

namespace comention::cli {

// The built-in gazetteer (unless switched off) with the --gazetteer files on top, in order.
Gazetteer load_gazetteer(const GazetteerOptions& options);
// What build and mentions start with: load_gazetteer's, but with --languages auto and the
// built-in data alone the English names only (count_graph then loads the others on need).
Gazetteer load_startup_gazetteer(const GazetteerOptions& options);

// The id of the entity `name` stands for (an id in any case, a label or a name: see
// Gazetteer::lookup), or a UsageError "`what` NAME: no such entity", with a suggestion when
// the name is a near miss. `what` says where it was asked for: "--focus", "explain".
std::string resolve_entity(const Gazetteer& gazetteer, const std::string& name, std::string_view what);

// Whether progress goes to standard error: when it is a terminal, or when --progress asks.
bool shows_progress(const BuildOptions& options);

// Reads every input, counts co-mentions and builds the graph the options ask for. Lines worth
// telling about what was read (read_notes) go to notes when given.
CoMentionGraph count_graph(const BuildOptions& options, const Gazetteer& gazetteer,
                           std::vector<std::string>* notes = nullptr);

// What the reader passed over or found missing, one line each, for standard error: archive
// members skipped as unreadable, records without a field the options name.
std::vector<std::string> read_notes(const DocumentReader& reader);

}  // namespace comention::cli
