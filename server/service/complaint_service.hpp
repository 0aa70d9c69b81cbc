#pragma once
// Public complaints (API.md `POST /api/v1/public/complaints`) and the staff inbox. A
// complaint about an enterprise listed in an activity opens the procedure that declares
// `complaints = { listed_in = <activity> }` at once; any other waits for staff, who route
// it to a procedure (opening a case as themselves) or close it with a reason.
#include "core/named.hpp"
#include "ports/complaint_store.hpp"
#include "service/case_service.hpp"

namespace qc {

struct ComplaintForm {
  std::string uscc;
  std::string content;
  std::string contact;
};

class ComplaintService {
 public:
  ComplaintService(ComplaintStore& complaints, ArchiveStore& archive, RegisterStore& registers,
                   CaseService& cases, ProcedureRegistry& procedures, const Clock& clock)
      : complaints_(complaints),
        archive_(archive),
        registers_(registers),
        cases_(cases),
        procedures_(procedures),
        clock_(clock) {}

  // invalid_uscc (field uscc), validation (content; contact too long). The result says
  // whether a case was opened (status routed, case_id).
  Result<Complaint> receive(const ComplaintForm& form);

  // Staff in whose jurisdiction the complaint's enterprise is (else not_found).
  // Every staff call needs activity_office, organizer or samr (admin passes): forbidden.
  Result<Page<Named<Complaint>>> inbox(const Actor& actor, ComplaintQuery q);
  // The enterprise's name for a complaint's view (one read).
  Named<Complaint> named(Complaint c);
  Result<Complaint> get(const Actor& actor, int64_t id);
  // Opens a case of `procedure` for the enterprise as `actor` (who must be a starter, in
  // jurisdiction; the procedure's guard runs) and records the complaint as routed to it.
  Result<Complaint> route(const Actor& actor, int64_t id, const std::string& procedure);
  Result<Complaint> close(const Actor& actor, int64_t id, const std::string& reason);

 private:
  // The procedure that takes complaints about an activity the enterprise is listed in.
  std::optional<std::string> complaint_procedure(const std::string& uscc);
  static JsonObject case_data(const Complaint& c);

  ComplaintStore& complaints_;
  ArchiveStore& archive_;
  RegisterStore& registers_;
  CaseService& cases_;
  ProcedureRegistry& procedures_;
  const Clock& clock_;
};

}  // namespace qc
