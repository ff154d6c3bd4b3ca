#include "store/files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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
fs::path keyslot_lock_path(const fs::path& keys_file) { return fs::path(keys_file.string() + ".lock"); }

void create_private_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw file_error(errno, path, "create " + path.filename().string());
  const int rc = ::fchmod(fd, 0600);  // the umask can only have removed bits; this states the mode
  const int e = errno;
  ::close(fd);
  if (rc != 0) throw file_error(e, path, "create " + path.filename().string());
}

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
    if (::fchmod(fd, 0600) != 0) throw file_error(errno, target, "create a file beside " + target.filename().string());
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
    if (::fchmod(out, 0600) != 0) throw file_error(errno, to, "create " + to.filename().string());
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

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}
std::uint32_t le32(const unsigned char* p) {
  return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[0]};
}

// SQLite's WAL checksum: 32-bit words in the byte order the magic number names, two running sums.
void wal_checksum(bool big_endian, const unsigned char* data, std::size_t size, std::uint32_t& s1, std::uint32_t& s2) {
  for (std::size_t i = 0; i + 8 <= size; i += 8) {
    const std::uint32_t x0 = big_endian ? be32(data + i) : le32(data + i);
    const std::uint32_t x1 = big_endian ? be32(data + i + 4) : le32(data + i + 4);
    s1 += x0 + s2;
    s2 += x1 + s1;
  }
}

}  // namespace

WalCheck check_wal(const fs::path& wal) {
  WalCheck r;
  const auto text = read_whole_file(wal);
  if (!text || text->empty()) return r;
  r.bytes = text->size();
  const auto* b = reinterpret_cast<const unsigned char*>(text->data());
  const std::size_t size = text->size();
  constexpr std::size_t kHeader = 32, kFrameHeader = 24;
  if (size < kHeader) return r;  // a header cut short: no frame was ever written after it
  const std::uint32_t magic = be32(b);
  const std::uint32_t page_size = be32(b + 8);
  std::uint32_t s1 = 0, s2 = 0;
  const bool big = (magic & 1) != 0;
  bool header_ok = (magic & 0xFFFFFFFEu) == 0x377f0682u && be32(b + 4) == 3007000u && page_size >= 512 &&
                   page_size <= 65536 && (page_size & (page_size - 1)) == 0;
  if (header_ok) {
    wal_checksum(big, b, 24, s1, s2);
    header_ok = s1 == be32(b + 24) && s2 == be32(b + 28);
  }
  if (!header_ok) {
    // SQLite would ignore every frame. Frames can only follow a header that was written completely.
    if (size >= kHeader + kFrameHeader + 512) {
      r.damaged = true;
      r.problem = "its header is damaged";
    }
    return r;
  }
  const std::size_t frame = kFrameHeader + page_size;
  const unsigned char* salts = b + 16;
  std::int64_t index = 0;
  for (std::size_t at = kHeader; at + frame <= size; at += frame) {
    ++index;
    const unsigned char* f = b + at;
    bool ok = r.first_bad_frame == 0 && be32(f) != 0 && std::memcmp(f + 8, salts, 8) == 0;
    if (ok) {
      std::uint32_t t1 = s1, t2 = s2;
      wal_checksum(big, f, 8, t1, t2);
      wal_checksum(big, f + kFrameHeader, page_size, t1, t2);
      ok = t1 == be32(f + 16) && t2 == be32(f + 20);
      if (ok) {
        s1 = t1;
        s2 = t2;
        ++r.valid_frames;
        if (be32(f + 4) != 0) r.committed_frames = r.valid_frames;
        continue;
      }
    }
    if (r.first_bad_frame == 0) {
      r.first_bad_frame = index;
      continue;
    }
    // After an invalid frame: frames of an older log (other salts) are expected leftovers; a frame of
    // THIS log means the invalid one was damaged in place and SQLite would drop what follows.
    if (std::memcmp(f + 8, salts, 8) == 0 && !r.damaged) {
      r.damaged = true;
      r.problem = "frame " + std::to_string(r.first_bad_frame) + " is damaged and later frames (" +
                  std::to_string(index) + " and on) would be dropped";
    }
  }
  return r;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<FileLock> FileLock::try_exclusive(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return FileLock(fd);
}

std::optional<FileLock> FileLock::shared(const fs::path& file) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    int rc;
    while ((rc = ::flock(fd, LOCK_SH)) != 0 && errno == EINTR) {
    }
    struct stat held {}, now {};
    if (rc == 0 && ::fstat(fd, &held) == 0 && ::stat(file.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino)
      return FileLock(fd);
    ::close(fd);  // replaced while we waited (a restore): lock the new file
  }
  return std::nullopt;
}

FileLock FileLock::exclusive_waiting(const fs::path& lock_file) {
  int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) fd = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return {};
  int rc;
  while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    ::close(fd);
    return {};
  }
  return FileLock(fd);
}

void FileLock::downgrade() {
  if (fd_ >= 0) (void)::flock(fd_, LOCK_SH);
}

void rename_synced(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) throw file_error(errno, to, "rename " + from.filename().string());
  fsync_folder(folder_of(to));
}

}  // namespace waymark::store
