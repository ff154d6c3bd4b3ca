#pragma once
// Reading a file a user named (a rule pack, an answers file): only a regular file, and only up to a
// size limit, so that a folder, /dev/zero, a pipe or a huge file is refused with a clear reason instead
// of being read without end. Header-only: shared by the rules core and the command line.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace waymark::text {

struct BoundedRead {
  std::optional<std::string> text;  // the whole file, when it could be read
  std::string problem;              // otherwise why not, e.g. "it is a folder, not a file"
  bool missing = false;             // the file does not exist
};

inline BoundedRead read_regular_file(const std::filesystem::path& path, std::size_t max_bytes) {
  BoundedRead r;
  // O_NONBLOCK: opening a pipe with no writer must not wait; it is refused just after, as not regular.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    r.missing = errno == ENOENT;
    r.problem = errno == ENOENT   ? "it does not exist"
                : errno == EACCES ? "permission denied"
                                  : "it cannot be opened";
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    r.problem = S_ISDIR(st.st_mode) ? "it is a folder, not a file"
                                    : "it is not a regular file (a device, pipe or socket)";
  } else if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    r.problem = "it is larger than " + std::to_string(max_bytes >> 20) + " MiB";
  } else {
    std::string out;
    char buffer[16384];
    for (;;) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        r.problem = errno == EISDIR ? "it is a folder, not a file" : "it cannot be read";
        break;
      }
      if (n == 0) {
        r.text = std::move(out);
        break;
      }
      out.append(buffer, static_cast<std::size_t>(n));
      if (out.size() > max_bytes) {  // grew while being read
        r.problem = "it is larger than " + std::to_string(max_bytes >> 20) + " MiB";
        break;
      }
    }
  }
  ::close(fd);
  return r;
}

// Why `path` would be refused by read_regular_file, from its metadata alone; empty if it does not
// exist or nothing is wrong with it (callers that read through their own reader use this).
inline std::string unreadable_reason(const std::filesystem::path& path, std::size_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno == EACCES ? "permission denied" : "";
  if (S_ISDIR(st.st_mode)) return "it is a folder, not a file";
  if (!S_ISREG(st.st_mode)) return "it is not a regular file (a device, pipe or socket)";
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return "it is larger than " + std::to_string(max_bytes >> 20) + " MiB";
  if (::access(path.c_str(), R_OK) != 0) return "permission denied";
  return "";
}

}  // namespace waymark::text
