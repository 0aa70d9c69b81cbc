// Users with their role grants, and login sessions (only a hash of the token is stored).
#include <map>
#include <tuple>

#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

namespace {
struct GrantOfUserRow {
  using Value = std::pair<int64_t, RoleGrant>;
  int64_t user_id = 0;
  std::string role, region;
  void bind(soci::statement& st) {
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(role));
    st.exchange(soci::into(region));
  }
  Value value() const { return {user_id, RoleGrant{role, region}}; }
};

void write_grants(Connection& sql, int64_t user_id, const std::vector<RoleGrant>& grants) {
  exec(sql, Sql("DELETE FROM role_grants WHERE user_id = ?", {user_id}));
  for (size_t i = 0; i < grants.size(); ++i)
    exec(sql, Sql("INSERT INTO role_grants (user_id, pos, role, region) VALUES (?, ?, ?, ?)",
                  {user_id, static_cast<int64_t>(i), grants[i].role, grants[i].region}));
}

// Fills in the grants of `users` (one query for the lot).
void attach_grants(Connection& sql, std::vector<User>& users) {
  if (users.empty()) return;
  Sql q("SELECT user_id, role, region FROM role_grants WHERE user_id IN (");
  for (size_t i = 0; i < users.size(); ++i) q.add(i ? ", ?" : "?", {users[i].id});
  q.add(") ORDER BY user_id, pos");
  std::map<int64_t, std::vector<RoleGrant>> by_user;
  for (auto& [id, g] : fetch_all<GrantOfUserRow>(sql, std::move(q)))
    by_user[id].push_back(std::move(g));
  for (auto& u : users) u.grants = std::move(by_user[u.id]);
}
}  // namespace

Result<User> SqlStore::insert_user(User u, AuditEntry audit) {
  return guarded([&]() -> Result<User> {
    WriteTx tx = db_.write();
    try {
      u.id = fetch_int(tx.sql(),
                       Sql("INSERT INTO users (username, display_name, password_hash, "
                           "enterprise, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                           "RETURNING id",
                           {u.username, u.display_name, u.password_hash, nullable(u.enterprise),
                            int64_t{u.disabled}, secs(u.created_at)}))
                 .value_or(0);
    } catch (const soci::soci_error& x) {
      if (classify(x) == Failure::unique_violation)
        return err(ErrorCode::already_exists, "user " + u.username + " already exists", "username");
      throw;
    }
    write_grants(tx.sql(), u.id, u.grants);
    add_to_detail(audit, "user_id", u.id);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return u;
  });
}

Status SqlStore::update_user(const User& u, AuditEntry audit) {
  return guarded([&]() -> Status {
    WriteTx tx = db_.write();
    const auto id =
        fetch_int(tx.sql(), Sql("SELECT id FROM users WHERE username = ?", {u.username}));
    if (!id) return err(ErrorCode::not_found, "no user " + u.username, "username");
    exec(tx.sql(),
         Sql("UPDATE users SET display_name = ?, password_hash = ?, enterprise = ?, "
             "disabled = ? WHERE id = ?",
             {u.display_name, u.password_hash, nullable(u.enterprise), int64_t{u.disabled}, *id}));
    write_grants(tx.sql(), *id, u.grants);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return ok_status();
  });
}

std::optional<User> SqlStore::user(const std::string& username) {
  return plain([&]() -> std::optional<User> {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(UserRow::kColumns).add(" FROM users u WHERE u.username = ?", {username});
    std::vector<User> found = fetch_all<UserRow>(*sql, std::move(q));
    if (found.empty()) return std::nullopt;
    attach_grants(*sql, found);
    return std::move(found.front());
  });
}

Page<User> SqlStore::users(const PageRequest& page) {
  return plain([&] {
    auto sql = db_.read();
    Page<User> out =
        fetch_page<UserRow>(*sql, UserRow::kColumns, "users u", Where(), "u.username", page);
    attach_grants(*sql, out.items);
    return out;
  });
}

Status SqlStore::insert_session(const Session& s) {
  return guarded([&]() -> Status {
    WriteTx tx = db_.write();
    try {
      exec(tx.sql(), Sql("INSERT INTO sessions (token_hash, username, csrf_token, created_at, "
                         "last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                         {s.token_hash, s.username, s.csrf_token, secs(s.created_at),
                          secs(s.last_seen), secs(s.expires_at)}));
    } catch (const soci::soci_error& x) {
      if (classify(x) == Failure::unique_violation)
        return err(ErrorCode::already_exists, "session token collision");
      throw;
    }
    tx.commit();
    return ok_status();
  });
}

std::optional<Session> SqlStore::session(const std::string& token_hash) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(SessionRow::kColumns).add(" FROM sessions s WHERE s.token_hash = ?", {token_hash});
    return fetch_one<SessionRow>(*sql, std::move(q));
  });
}

namespace {
// One row per grant of the session's user (one row with NULL grant columns if none).
struct SessionUserRow {
  using Value = std::tuple<Session, User, std::optional<RoleGrant>>;
  SessionRow session;
  UserRow user;
  std::string role, region;
  soci::indicator role_ind = soci::i_null, region_ind = soci::i_null;
  void bind(soci::statement& st) {
    session.bind(st);
    user.bind(st);
    st.exchange(soci::into(role, role_ind));
    st.exchange(soci::into(region, region_ind));
  }
  Value value() const {
    std::optional<RoleGrant> grant;
    if (role_ind == soci::i_ok && region_ind == soci::i_ok) grant = RoleGrant{role, region};
    return {session.value(), user.value(), std::move(grant)};
  }
};
}  // namespace

std::optional<std::pair<Session, User>> SqlStore::session_user(const std::string& token_hash) {
  return plain([&]() -> std::optional<std::pair<Session, User>> {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(SessionRow::kColumns)
        .add(", ")
        .add(UserRow::kColumns)
        .add(
            ", g.role, g.region FROM sessions s JOIN users u ON u.username = s.username "
            "LEFT JOIN role_grants g ON g.user_id = u.id WHERE s.token_hash = ? ORDER BY g.pos",
            {token_hash});
    auto rows = fetch_all<SessionUserRow>(*sql, std::move(q));
    if (rows.empty()) return std::nullopt;
    std::pair<Session, User> out{std::move(std::get<0>(rows.front())),
                                 std::move(std::get<1>(rows.front()))};
    for (auto& row : rows)
      if (auto& g = std::get<2>(row)) out.second.grants.push_back(std::move(*g));
    return out;
  });
}

void SqlStore::touch_session(const std::string& token_hash, Instant at) {
  plain([&] {
    WriteTx tx = db_.write();
    exec(tx.sql(),
         Sql("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", {secs(at), token_hash}));
    tx.commit();
  });
}

void SqlStore::delete_session(const std::string& token_hash) {
  plain([&] {
    WriteTx tx = db_.write();
    exec(tx.sql(), Sql("DELETE FROM sessions WHERE token_hash = ?", {token_hash}));
    tx.commit();
  });
}

void SqlStore::delete_sessions_of(const std::string& username) {
  plain([&] {
    WriteTx tx = db_.write();
    exec(tx.sql(), Sql("DELETE FROM sessions WHERE username = ?", {username}));
    tx.commit();
  });
}

std::vector<Session> SqlStore::sessions_of(const std::string& username) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(SessionRow::kColumns)
        .add(" FROM sessions s WHERE s.username = ? ORDER BY s.created_at, s.token_hash",
             {username});
    return fetch_all<SessionRow>(*sql, std::move(q));
  });
}

}  // namespace qc::store
