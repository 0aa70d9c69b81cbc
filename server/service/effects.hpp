#pragma once
// Effects recorded by procedure hooks, resolved into register writes for the transition's
// transaction. A malformed effect is a procedure bug: it fails the action with a message
// naming the effect, and nothing is written.
#include "core/model.hpp"
#include "core/procedure.hpp"
#include "core/transition.hpp"
#include "engine/engine.hpp"
#include "service/case_ports.hpp"

namespace qc {

struct EffectContext {
  CasePorts ports;
  const ProcedureDef& def;
  const Case& c;
  const Enterprise* enterprise;  // may be null for a deleted enterprise
  Date today;                    // Beijing date the effects are dated by
  Instant now;
  std::string actor;  // who took the action (a correction names them)
  // The article the hook's step rests on (its action's, else its stage's, else the
  // procedure's): what a ban or an archive record cites when the effect names none.
  std::string basis;
  const ProcedureSet* set = nullptr;  // to find the procedures a ban's scheme covers
};

// `set` updates `data`; every other kind appends to `writes`.
Status apply_effect(const Effect& fx, const EffectContext& ctx, JsonObject& data,
                    RegisterWrites& writes);

// A print-ready A4 HTML page for a written decision or notice.
std::string render_document(const std::string& title, const std::string& body,
                            const EffectContext& ctx);
std::string html_escape(std::string_view s);
// The same for fx.document{outline = …}: contents list, headings, paragraphs, tables, figures.
std::string render_outline_document(const std::string& title, const Json& outline,
                                    const EffectContext& ctx);

}  // namespace qc
