#include "support/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "support/http_client.hpp"

extern char** environ;

namespace qc::test {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool names_flag(const std::vector<std::string>& args, const std::string& flag) {
  return std::any_of(args.begin(), args.end(),
                     [&](const std::string& a) { return a == flag || a.starts_with(flag + "="); });
}

fs::path make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "qc-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  return pattern;
}

}  // namespace

unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    throw std::runtime_error("free_port: " + why);
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

ServerProcess::ServerProcess(std::vector<std::string> args)
    : ServerProcess(Options{std::move(args), {}, std::chrono::seconds(20), {}}) {}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)) {
  if (options_.binary.empty()) options_.binary = QC_SERVER_BIN;
  dir_ = make_temp_dir();
  // The port was free when picked, but another process may take it before the child
  // binds: a start that dies of that is retried on a new port.
  for (int attempt = 0;; ++attempt) {
    port_ = free_port();
    spawn();
    try {
      wait_ready();
      return;
    } catch (const std::exception&) {
      const bool port_taken = !running() && stderr_text().find("in use") != std::string::npos;
      if (!port_taken || attempt == 2) {
        if (running()) kill9();
        std::error_code ec;
        fs::remove_all(dir_, ec);
        throw;
      }
    }
  }
}

ServerProcess::~ServerProcess() {
  if (running()) kill9();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string ServerProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string ServerProcess::db_url() const { return "sqlite:" + (dir_ / "qc.db").string(); }

std::string ServerProcess::stdout_text() const { return read_file(dir_ / "stdout.log"); }

std::string ServerProcess::stderr_text() const { return read_file(dir_ / "stderr.log"); }

std::string ServerProcess::stderr_tail(size_t bytes) const {
  const std::string all = stderr_text();
  return all.size() <= bytes ? all : all.substr(all.size() - bytes);
}

void ServerProcess::spawn() {
  // Everything the child needs is prepared before fork(): between fork and exec only
  // async-signal-safe calls are allowed in a multi-threaded parent.
  const std::vector<std::string>& extra = options_.args;
  std::vector<std::string> args{options_.binary};
  if (!names_flag(extra, "--listen"))
    args.insert(args.end(), {"--listen", "127.0.0.1:" + std::to_string(port_)});
  if (!names_flag(extra, "--db")) args.insert(args.end(), {"--db", db_url()});
  if (!names_flag(extra, "--workflows"))
    args.insert(args.end(), {"--workflows", std::string(QC_SOURCE_DIR) + "/workflows"});
  if (!names_flag(extra, "--plugins"))
    args.insert(args.end(), {"--plugins", std::string(QC_SOURCE_DIR) + "/plugins"});
  args.insert(args.end(), extra.begin(), extra.end());

  std::map<std::string, std::string> env_map;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string kv = *e;
    const size_t eq = kv.find('=');
    if (eq != std::string::npos) env_map[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  env_map["QCREDIT_ADMIN_PASSWORD"] = kAdminPassword;
  for (const auto& [k, v] : options_.env) {
    if (v.empty())
      env_map.erase(k);
    else
      env_map[k] = v;
  }
  std::vector<std::string> env;
  for (const auto& [k, v] : env_map) env.push_back(k + "=" + v);

  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string cwd = dir_.string();
  const std::string out_path = (dir_ / "stdout.log").string();
  const std::string err_path = (dir_ / "stderr.log").string();

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // The child dies with the test process (a crashed test leaves no server behind).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execve(argv[0], argv.data(), envp.data());
    static const char msg[] = "execve failed\n";
    (void)!::write(STDERR_FILENO, msg, sizeof msg - 1);
    ::_exit(127);
  }
  pid_ = pid;
}

void ServerProcess::wait_ready() {
  const auto deadline = Clock::now() + options_.ready_timeout;
  while (Clock::now() < deadline) {
    if (reap(std::chrono::milliseconds(0)))
      throw std::runtime_error("qcredit-server exited with status " + std::to_string(exit_status_) +
                               " before it was ready; stderr:\n" + stderr_tail());
    HttpClient probe(port_);
    probe.set_timeout(std::chrono::seconds(1));
    if (probe.get("/healthz").status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill9();
  throw std::runtime_error("qcredit-server did not answer /healthz within " +
                           std::to_string(options_.ready_timeout.count()) + " s; stderr:\n" +
                           stderr_tail());
}

bool ServerProcess::reap(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return true;
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) {
      exit_status_ = WIFEXITED(status)     ? WEXITSTATUS(status)
                     : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                           : -1;
      pid_ = -1;
      return true;
    }
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

int ServerProcess::stop() {
  if (!running()) return exit_status_;
  ::kill(pid_, SIGTERM);
  if (!reap(std::chrono::seconds(30))) {
    ::kill(pid_, SIGKILL);
    reap(std::chrono::seconds(10));
  }
  return exit_status_;
}

void ServerProcess::kill9() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  reap(std::chrono::seconds(10));
}

void ServerProcess::restart() {
  if (running()) stop();
  spawn();
  wait_ready();
}

}  // namespace qc::test
