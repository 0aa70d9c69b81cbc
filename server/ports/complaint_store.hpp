#pragma once
// Public complaints, and the yearly report packages as submitted.
#include <optional>

#include "core/audit.hpp"
#include "core/complaint.hpp"
#include "core/queries.hpp"
#include "core/report_submission.hpp"
#include "core/result.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class ComplaintStore {
 public:
  virtual ~ComplaintStore() = default;
  // insert assigns the id; handle_complaint records routing or closing only while the
  // complaint is still open (else conflict).
  virtual Result<Complaint> insert_complaint(Complaint c, AuditEntry audit) = 0;
  virtual std::optional<Complaint> complaint(int64_t id) = 0;
  virtual Page<Complaint> complaints(const ComplaintQuery& q) = 0;
  virtual Status handle_complaint(const Complaint& c, AuditEntry audit) = 0;
};

class ReportSubmissionStore {
 public:
  virtual ~ReportSubmissionStore() = default;
  // Newest first.
  virtual Result<ReportSubmission> insert_report_submission(ReportSubmission s,
                                                            AuditEntry audit) = 0;
  virtual std::optional<ReportSubmission> report_submission(int64_t id) = 0;
  virtual Page<ReportSubmission> report_submissions(const ReportSubmissionQuery& q) = 0;
};

}  // namespace qc
