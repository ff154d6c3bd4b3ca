#include "report/export_file.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace waymark::report {
namespace {

// Messages name the path the user gave (their own words), never anything from the case.
[[noreturn]] void fail_errno(int err, const std::filesystem::path& target, const char* doing) {
  const std::string where = "'" + target.string() + "'";
  switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      throw ExportError(ExportErrc::disk_full, "not enough space to write " + where + "; nothing was written");
    case EACCES:
    case EPERM:
    case EROFS:
      throw ExportError(ExportErrc::not_writable,
                        "cannot write in the folder of " + where + " (permission denied or read-only)");
    case EEXIST:
      throw ExportError(ExportErrc::exists, where + " already exists; choose another name or allow replacing it");
    default:
      throw ExportError(ExportErrc::io, std::string(doing) + " " + where + " failed: " + std::strerror(err));
  }
}

// Closes and removes the temporary file unless it was moved into place.
struct TempFile {
  std::string path;
  int fd = -1;
  bool keep = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!keep && !path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

void write_export_file(const std::filesystem::path& target, std::string_view bytes, bool overwrite) {
  if (target.empty() || !target.has_filename())
    throw ExportError(ExportErrc::io, "give a file name to write the export to");
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw ExportError(ExportErrc::folder_missing, "the folder '" + folder.string() + "' does not exist");
  if (std::filesystem::is_directory(target, ec))
    throw ExportError(ExportErrc::exists, "'" + target.string() + "' is a folder; give a file name");
  if (!overwrite && std::filesystem::symlink_status(target, ec).type() != std::filesystem::file_type::not_found)
    fail_errno(EEXIST, target, "writing");

  TempFile tmp;
  std::string pattern = (folder / ".waymark-export-XXXXXX").string();
  tmp.fd = ::mkstemp(pattern.data());  // created 0600
  if (tmp.fd < 0) fail_errno(errno, target, "creating a temporary file for");
  tmp.path = pattern;

  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(tmp.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_errno(errno, target, "writing");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(tmp.fd) != 0) fail_errno(errno, target, "flushing");
  if (::close(tmp.fd) != 0) {
    tmp.fd = -1;
    fail_errno(errno, target, "closing");
  }
  tmp.fd = -1;

  if (overwrite) {
    if (::rename(tmp.path.c_str(), target.c_str()) != 0) fail_errno(errno, target, "moving the export to");
  } else if (::renameat2(AT_FDCWD, tmp.path.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
    // RENAME_NOREPLACE refuses an existing name atomically. Where the file system lacks it, a hard link
    // does the same; where it has no hard links either (FAT on a USB stick), check, then rename.
    const int err = errno;
    if (err != EINVAL && err != ENOSYS && err != EOPNOTSUPP) fail_errno(err, target, "moving the export to");
    if (::link(tmp.path.c_str(), target.c_str()) == 0) {
      ::unlink(tmp.path.c_str());
    } else if ((errno == EPERM || errno == EOPNOTSUPP) &&
               std::filesystem::symlink_status(target, ec).type() == std::filesystem::file_type::not_found) {
      if (::rename(tmp.path.c_str(), target.c_str()) != 0) fail_errno(errno, target, "moving the export to");
    } else {
      fail_errno(errno, target, "moving the export to");
    }
  }
  tmp.keep = true;
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
    ::fsync(dir);  // the new name survives a crash
    ::close(dir);
  }
}

}  // namespace waymark::report
