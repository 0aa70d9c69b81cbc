#pragma once
// A loaded procedure, validated and immutable: what the Lua file declared, minus the
// functions (the engine keeps those and is asked to run them by name).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/region.hpp"

namespace qc {

// The closed list of roles a procedure may name (API.md "Auth").
bool role_known(std::string_view role);

struct FieldDef {
  std::string name;
  std::string type;  // string | text | enum | number | integer | boolean | date | object | array
  std::string label;
  std::vector<std::string> options;  // enum values
  bool required = false;             // must be given when the case is opened
  // Bounds on what a request may write: code points of a string/text (0: 200 for string,
  // 10,000 for text), items of an array (0: 200). Objects are bounded by the case's size.
  int max_length = 0;
  int max_items = 0;
  int length_limit() const { return max_length > 0 ? max_length : type == "text" ? 10'000 : 200; }
  int items_limit() const { return max_items > 0 ? max_items : 200; }
};

struct ActionDef {
  std::string id;
  std::string title;
  std::string role;
  Level level = Level::none;
  std::vector<std::string> to;  // one stage, or the candidates of `route`
  bool has_route = false;
  bool has_guard = false;
  bool has_effects = false;
  std::vector<std::string> requires_fields;
  std::vector<std::string> fields;  // fields the action's form shows
  std::string basis;

  // Whether a request taking this action may write `field`: only what its form shows or
  // what it requires. Everything else in case.data belongs to other actions, to the
  // opener, or to the procedure itself (fx.set), and a request cannot touch it.
  bool takes(std::string_view field) const;
};

struct TimerDef {
  int days = 0;
  int workdays = 0;
  bool at = false;  // the due date is computed by the stage's `timer.at` function
  std::string fire;
  bool keep = false;
  std::vector<std::string> on;  // start only when entered through these actions
};

struct VotesDef {
  std::string role;
  Level level = Level::none;
  int of = 0;
  int pass = 0;
  std::string passed;
  std::string failed;
};

struct NoticeDef {
  std::string title;
  std::string outcome;
};

struct StageDef {
  std::string id;
  std::string title;
  std::string basis;
  bool terminal = false;
  std::optional<TimerDef> timer;
  std::optional<VotesDef> votes;
  std::optional<NoticeDef> notice;
  bool has_on_enter = false;
  bool has_on_exit = false;
  std::vector<ActionDef> actions;  // in declaration order (by id)

  const ActionDef* action(std::string_view id) const {
    for (const auto& a : actions)
      if (a.id == id) return &a;
    return nullptr;
  }
};

struct ProcedureDef {
  std::string id;
  int version = 0;
  std::string title;
  std::string region;
  std::string family;
  std::string basis;
  std::string file;  // path relative to the workflows directory
  std::string source_hash;
  std::vector<FieldDef> fields;
  std::vector<std::string> starters;
  // `params = { name = "value" }`: settings the procedure's own services read (e.g. a
  // yearly due date), so that a province changes them in Lua, not in C++.
  std::vector<std::pair<std::string, std::string>> params;  // by name
  bool has_guard = false;
  // At most this many active cases of this procedure (any version) per enterprise; an
  // application scheme says 1 (one open application at a time).
  int max_open = 20;
  // The case's data, serialised, stays within this many KiB (too_large past it).
  int max_data_kb = 256;
  std::string start;
  std::vector<StageDef> stages;  // start first, then by id
  // `complaints = { listed_in = "<activity>" }`: a public complaint about an enterprise
  // listed in that activity opens a case of this procedure at once. Empty: none.
  std::string complaints_listed_in;

  const StageDef* stage(std::string_view id) const {
    for (const auto& s : stages)
      if (s.id == id) return &s;
    return nullptr;
  }
  const std::string* param(std::string_view name) const {
    for (const auto& [k, v] : params)
      if (k == name) return &v;
    return nullptr;
  }
  const FieldDef* field(std::string_view name) const {
    for (const auto& f : fields)
      if (f.name == name) return &f;
    return nullptr;
  }
  // Whether the data a case is opened with may hold `field`: a declared field that is
  // required, or on a form of the start stage, or on no action's form at all (the
  // opener's, e.g. the facts of a sanction). A field another stage's action takes is that
  // action's; an undeclared key is never the request's.
  bool opening_takes(std::string_view field) const;
};

}  // namespace qc
