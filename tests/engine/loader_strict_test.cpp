// One test per strictness rule of the loader: each case edits a valid procedure, marks
// the line the error must point at with `--!`, and names a part of the message.
#include <utility>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

const char* kBase = R"(return procedure {
  id = "t.p", version = 1, title = "T",
  region = "320000", family = "t.f",
  fields = { note = text {} },
  start = "a",
  stages = {
    a = { title = "A",
      actions = {
        go = { role = "samr", to = "b" },
      },
    },
    b = { title = "B", terminal = true },
  },
}
)";

struct Case {
  const char* name;
  std::vector<std::pair<std::string, std::string>> edits;  // replace first -> second
  const char* message;                                     // part of the expected message
  std::string prefix = {};                                 // lines put before the file
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string apply(const Case& c) {
  std::string text = c.prefix + kBase;
  for (const auto& [from, to] : c.edits) {
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << c.name << ": no '" << from << "'";
    if (pos != std::string::npos) text.replace(pos, from.size(), to);
  }
  return text;
}

int marked_line(const std::string& text) {
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "--!") == 0) return line;
    if (text[i] == '\n') ++line;
  }
  return 0;
}

const std::string kStageA = "a = { title = \"A\",";
const std::string kGo = "go = { role = \"samr\", to = \"b\" },";
const std::string kB = "b = { title = \"B\", terminal = true },";
const std::string kHeader = "id = \"t.p\", version = 1, title = \"T\",";
const std::string kRegion = "region = \"320000\", family = \"t.f\",";
const std::string kFields = "fields = { note = text {} },";
const std::string kStart = "start = \"a\",";
const std::string kGoSystem = "go = { role = \"system\", to = \"b\" },";
const std::string kVotes =
    "votes = { role = \"expert\", of = 3, pass = 2, passed = \"go\", failed = \"go\"";

const Case kCases[] = {
    {"not_procedure", {{"return procedure {", "return { --!"}}, "must return procedure"},
    {"missing_title",
     {{"return procedure {", "return procedure { --!"}, {"title = \"T\",", ""}},
     "missing required key 'title'"},
    {"version_not_integer",
     {{kHeader, "id = \"t.p\", version = \"1\", title = \"T\", --!"}},
     "'version' must be an integer"},
    {"version_zero",
     {{kHeader, "id = \"t.p\", version = 0, title = \"T\", --!"}},
     "version must be a positive integer"},
    {"bad_region", {{kRegion, "region = \"32\", family = \"t.f\", --!"}}, "six-digit"},
    {"bad_procedure_id",
     {{kHeader, "id = \"T P\", version = 1, title = \"T\", --!"}},
     "procedure id 'T P'"},
    {"unknown_procedure_key",
     {{kStart, "start = \"a\", colour = \"red\", --!"}},
     "unknown key 'colour' in procedure"},
    {"unknown_stage_key",
     {{kStageA, kStageA + " colour = 1, --!"}},
     "unknown key 'colour' in stage 'a'"},
    {"unknown_action_key",
     {{kGo, "go = { role = \"samr\", to = \"b\", colour = 1 }, --!"}},
     "unknown key 'colour' in action 'go'"},
    {"unknown_timer_key",
     {{kStageA, kStageA + " timer = { days = 1, fire = \"go\", colour = 1 }, --!"}},
     "unknown key 'colour' in timer"},
    {"unknown_votes_key",
     {{kStageA, kStageA + " " + kVotes + ", colour = 1 }, --!"}, {kGo, kGoSystem}},
     "unknown key 'colour' in votes"},
    {"unknown_notice_key",
     {{kStageA, kStageA + " notice = { title = \"N\", colour = 1 }, --!"}},
     "unknown key 'colour' in notice"},
    {"unknown_field_key",
     {{kFields, "fields = { note = text { colour = 1 } }, --!"}},
     "unknown key 'colour' in field 'note'"},
    {"stage_title_missing", {{kB, "b = { terminal = true }, --!"}}, "missing required key 'title'"},
    {"action_role_missing", {{kGo, "go = { to = \"b\" }, --!"}}, "missing required key 'role'"},
    {"action_to_missing", {{kGo, "go = { role = \"samr\" }, --!"}}, "missing required key 'to'"},
    {"unknown_role", {{kGo, "go = { role = \"mayor\", to = \"b\" }, --!"}}, "unknown role 'mayor'"},
    {"unknown_level",
     {{kGo, "go = { role = \"samr\", level = \"village\", to = \"b\" }, --!"}},
     "unknown level 'village'"},
    {"to_missing_stage",
     {{kGo, "go = { role = \"samr\", to = \"nowhere\" }, --!"}},
     "stage 'nowhere', which is not declared"},
    {"to_list_without_route",
     {{kGo, "go = { role = \"samr\", to = { \"b\" } }, --!"}},
     "needs route"},
    {"route_without_list",
     {{kGo, "go = { role = \"samr\", to = \"b\", route = function() return \"b\" end }, --!"}},
     "make 'to' a list"},
    {"start_missing", {{kStart, "start = \"zzz\", --!"}}, "start stage 'zzz' is not declared"},
    {"unreachable_stage",
     {{kB, kB + "\n    c = { title = \"C\", terminal = true }, --!"}},
     "stage 'c' is not reachable from start 'a'"},
    {"nonterminal_without_actions", {{kB, "b = { title = \"B\" }, --!"}}, "has no actions"},
    {"terminal_with_actions",
     {{kB,
       "b = { title = \"B\", terminal = true, actions = { x = { role = \"samr\", to = \"a\" } } }, "
       "--!"}},
     "terminal stage 'b' cannot have actions"},
    {"vote_reserved",
     {{kGo, kGo + "\n        vote = { role = \"expert\", to = \"b\" }, --!"}},
     "'vote' is reserved"},
    {"timer_days_and_workdays",
     {{kStageA, kStageA + " timer = { days = 1, workdays = 1, fire = \"go\" }, --!"}},
     "exactly one"},
    {"timer_neither", {{kStageA, kStageA + " timer = { fire = \"go\" }, --!"}}, "exactly one"},
    {"timer_days_and_at",
     {{kStageA,
       kStageA + " timer = { days = 1, at = function() return nil end, fire = \"go\" }, --!"}},
     "exactly one"},
    {"timer_at_not_function",
     {{kStageA, kStageA + " timer = { at = \"2026-10-15\", fire = \"go\" }, --!"}},
     "'at' must be a function"},
    {"timer_not_positive",
     {{kStageA, kStageA + " timer = { days = 0, fire = \"go\" }, --!"}},
     "must be a positive integer"},
    {"timer_fire_unknown",
     {{kStageA, kStageA + " timer = { days = 2, fire = \"nope\" }, --!"}},
     "'nope', which is not an action of stage 'a'"},
    {"timer_on_unknown",
     {{kStageA, kStageA + " timer = { days = 2, fire = \"go\", on = { \"nope\" } }, --!"}},
     "timer.on names 'nope'"},
    {"votes_pass_above_of",
     {{kStageA, kStageA + " votes = { role = \"expert\", of = 2, pass = 3, passed = \"go\", failed "
                          "= \"go\" }, --!"},
      {kGo, kGoSystem}},
     "1 <= pass <= of"},
    {"votes_passed_not_system",
     {{kStageA, kStageA + " " + kVotes + " }, --!"}},
     "votes.passed must name a role = \"system\" action"},
    {"votes_unknown_role",
     {{kStageA,
       kStageA +
           " votes = { role = \"jury\", of = 3, pass = 2, passed = \"go\", failed = \"go\" }, --!"},
      {kGo, kGoSystem}},
     "unknown role 'jury'"},
    {"notice_without_public_action",
     {{kStageA, kStageA + " notice = { title = \"N\" }, --!"}},
     "exactly one action with role = \"public\""},
    {"starters_unknown_role",
     {{kStart, "start = \"a\", starters = { \"mayor\" }, --!"}},
     "unknown role 'mayor' in starters"},
    {"requires_undeclared_field",
     {{kGo, "go = { role = \"samr\", to = \"b\", requires = { \"nope\" } }, --!"}},
     "requires names 'nope', which is not a declared field"},
    {"action_fields_undeclared",
     {{kGo, "go = { role = \"samr\", to = \"b\", fields = { \"note\", \"nope\" } }, --!"}},
     "fields names 'nope'"},
    {"field_unknown_type",
     {{kFields, "fields = { note = field { type = \"colour\" } }, --!"}},
     "unknown field type 'colour'"},
    {"enum_without_options",
     {{kFields, "fields = { note = enum { label = \"x\" } }, --!"}},
     "needs its options"},
    {"field_declared_twice",
     {{kFields,
       "fields = { { name = \"note\", type = \"string\" }, { name = \"note\", type = \"text\" } }, "
       "--!"}},
     "declared twice"},
    {"guard_not_function",
     {{kStart, "start = \"a\", guard = 42, --!"}},
     "'guard' must be a function"},
    {"bad_stage_id",
     {{kB, kB + "\n    [\"Bad\"] = { title = \"X\", terminal = true }, --!"}},
     "stage ids must match"},
    {"params_not_a_table", {{kStart, "start = \"a\", params = 5, --!"}}, "params must be a table"},
    {"param_not_a_string",
     {{kStart, "start = \"a\", params = {\n    due = 30, --!\n  },"}},
     "param 'due' must be a string"},
    {"global_assignment", {}, "assignment to undeclared global 'helper'", "helper = 1 --!\n"},
    {"syntax_error", {{kRegion, "region = = \"320000\", --!"}}, "unexpected symbol"},
    {"runtime_error", {}, "boom", "error(\"boom\") --!\n"},
    {"require_outside_plugins", {}, "invalid module name", "local x = require \"../secret\" --!\n"},
    {"require_missing_module",
     {},
     "module 'credit.nope' not found",
     "local x = require \"credit.nope\" --!\n"},
};

class StrictLoad : public ::testing::TestWithParam<Case> {};

TEST_P(StrictLoad, ReportsTheRuleAtItsLine) {
  const Case& c = GetParam();
  test::TempTree tree;
  const std::string text = apply(c);
  tree.write("workflows/t/bad.lua", text);
  const auto result = tree.load();
  EXPECT_EQ(result.set, nullptr);
  const int line = marked_line(text);
  ASSERT_GT(line, 0) << "case has no --! marker";
  bool found = false;
  for (const auto& e : result.errors)
    found = found || (e.file == "t/bad.lua" && e.line == line &&
                      e.message.find(c.message) != std::string::npos);
  EXPECT_TRUE(found) << "expected t/bad.lua:" << line << ": …" << c.message << "…\ngot:\n"
                     << test::describe(result.errors) << "\nsource:\n"
                     << text;
}

INSTANTIATE_TEST_SUITE_P(Rules, StrictLoad, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(StrictLoad, BaseProcedureIsValid) {
  test::TempTree tree;
  tree.write("workflows/t/good.lua", kBase);
  const auto result = tree.load();
  EXPECT_NE(result.set, nullptr) << test::describe(result.errors);
}

}  // namespace
}  // namespace qc
