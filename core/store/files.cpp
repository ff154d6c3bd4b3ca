#include "store/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "store/connection.h"
#include "store/errors.h"

namespace waymark::store {
namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& p) {
  const fs::path parent = p.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

void write_all(int fd, const char* data, std::size_t size, const fs::path& path) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw file_error(errno, path, "write " + path.filename().string());
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

}  // namespace

fs::path keyslot_path(const fs::path& db) { return fs::path(db.string() + ".keys"); }

void fsync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: some file systems refuse to open folders
  (void)::fsync(fd);
  ::close(fd);
}

void write_file_atomically(const fs::path& target, std::string_view content) {
  std::string tmp = (folder_of(target) / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw file_error(errno, target, "create a file beside " + target.filename().string());
  try {
    write_all(fd, content.data(), content.size(), target);
    if (::fsync(fd) != 0) throw file_error(errno, target, "save " + target.filename().string());
    if (::close(fd) != 0) {
      const int e = errno;
      ::unlink(tmp.c_str());
      throw file_error(e, target, "save " + target.filename().string());
    }
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    throw file_error(e, target, "replace " + target.filename().string());
  }
  fsync_folder(folder_of(target));
}

std::optional<std::string> read_whole_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw file_error(errno, path, "read " + path.filename().string());
  }
  std::string out;
  char buffer[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int e = errno;
      ::close(fd);
      throw file_error(e, path, "read " + path.filename().string());
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

void copy_file_synced(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw file_error(errno, from, "read " + from.filename().string());
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    const int e = errno;
    ::close(in);
    throw file_error(e, to, "create " + to.filename().string());
  }
  try {
    std::vector<char> buffer(1 << 16);
    for (;;) {
      const ssize_t n = ::read(in, buffer.data(), buffer.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        throw file_error(errno, from, "read " + from.filename().string());
      }
      if (n == 0) break;
      write_all(out, buffer.data(), static_cast<std::size_t>(n), to);
    }
    if (::fsync(out) != 0) throw file_error(errno, to, "save " + to.filename().string());
  } catch (...) {
    ::close(in);
    ::close(out);
    ::unlink(to.c_str());
    throw;
  }
  ::close(in);
  if (::close(out) != 0) {
    const int e = errno;
    ::unlink(to.c_str());
    throw file_error(e, to, "save " + to.filename().string());
  }
}

void fsync_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw file_error(errno, file, "save " + file.filename().string());
  const int rc = ::fsync(fd);
  const int e = errno;
  ::close(fd);
  if (rc != 0) throw file_error(e, file, "save " + file.filename().string());
}

void rename_synced(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) throw file_error(errno, to, "rename " + from.filename().string());
  fsync_folder(folder_of(to));
}

}  // namespace waymark::store
