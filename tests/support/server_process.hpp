#pragma once
// The real qcredit-server binary as a child process, in a fresh temporary directory,
// on a free loopback port: what scenario tests and operators see, nothing mocked.
// The child is killed if the thread that started it ends (PR_SET_PDEATHSIG): create,
// restart and destroy it on the test's own thread.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace qc::test {

class ServerProcess {
 public:
  struct Options {
    // Appended to the defaults. Naming --listen, --db, --workflows or --plugins here
    // replaces that default.
    std::vector<std::string> args;
    // Added to the inherited environment; an empty value removes the variable.
    // QCREDIT_ADMIN_PASSWORD defaults to kAdminPassword.
    std::map<std::string, std::string> env;
    std::chrono::seconds ready_timeout{20};
    std::string binary;  // defaults to QC_SERVER_BIN
  };
  static constexpr const char* kAdminPassword = "admin-password-1";

  // Starts the server and waits until GET /healthz answers 200; throws
  // std::runtime_error (with the tail of its stderr) if it does not.
  explicit ServerProcess(Options options);
  explicit ServerProcess(std::vector<std::string> args = {});
  // Kills the child if it still runs and removes the temporary directory.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // SIGTERM and wait (SIGKILL after 30 s). Returns the exit status, or 128+signal.
  int stop();
  // SIGKILL and wait: an abrupt crash.
  void kill9();
  // Starts again with the same arguments, port, directory and database.
  void restart();

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  unsigned short port() const { return port_; }
  std::string base_url() const;
  const std::filesystem::path& dir() const { return dir_; }
  // The database URL passed by default: sqlite:<dir>/qc.db.
  std::string db_url() const;
  std::string stdout_text() const;
  std::string stderr_text() const;
  std::string stderr_tail(size_t bytes = 4000) const;

 private:
  void spawn();
  void wait_ready();
  // Waits for the child up to `timeout`; true if it exited (status recorded).
  bool reap(std::chrono::milliseconds timeout);

  Options options_;
  std::filesystem::path dir_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
  int exit_status_ = 0;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
unsigned short free_port();

}  // namespace qc::test
