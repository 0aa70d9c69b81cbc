#pragma once
// Accounts, their role grants, and sessions.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/audit.hpp"
#include "core/model.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/session.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class UserStore {
 public:
  virtual ~UserStore() = default;

  virtual Result<User> insert_user(User u, AuditEntry audit) = 0;  // already_exists
  virtual Status update_user(const User& u, AuditEntry audit) = 0;
  virtual std::optional<User> user(const std::string& username) = 0;
  virtual Page<User> users(const PageRequest& page) = 0;
  virtual Status insert_session(const Session& s) = 0;
  virtual std::optional<Session> session(const std::string& token_hash) = 0;
  // The session and its user with the user's grants, read in one query (what every
  // authenticated request needs); nullopt when the token hash or the user is unknown.
  virtual std::optional<std::pair<Session, User>> session_user(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, Instant at) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_sessions_of(const std::string& username) = 0;
  virtual std::vector<Session> sessions_of(const std::string& username) = 0;
};

}  // namespace qc
