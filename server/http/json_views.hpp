#pragma once
// The JSON shapes of API.md, in one place.
#include <boost/json.hpp>

#include "core/model.hpp"
#include "core/page.hpp"
#include "core/procedure.hpp"
#include "service/case_service.hpp"

namespace qc::http {

boost::json::object to_json(const Enterprise& e);
boost::json::object to_json(const QualityRecord& r);
boost::json::object to_json(const User& u);
boost::json::object to_json(const Case& c, const CaseExtras& x);
boost::json::object to_json(const CaseEvent& e);
boost::json::object to_json(const Grant& g);
boost::json::object to_json(const Ban& b);
boost::json::object to_json(const Listing& l);
boost::json::object to_json(const Announcement& a);
boost::json::object to_json(const FieldDef& f);
boost::json::object procedure_summary(const ProcedureDef& d);
boost::json::object procedure_detail(const ProcedureDef& d);

template <typename T>
boost::json::object page_json(const Page<T>& page) {
  boost::json::array items;
  for (const auto& x : page.items) items.push_back(to_json(x));
  return {{"items", std::move(items)}, {"total", page.total}};
}

}  // namespace qc::http
