#pragma once
// Writes an export where the user asked, all or nothing: a temporary file in the same folder, flushed
// to disk, then moved into place. An existing file is replaced only when `overwrite` is set; without
// it the move itself refuses an existing name (RENAME_NOREPLACE, or a hard link), except on a file
// system with neither (FAT), where the name is checked just before the move. On any failure nothing is
// left behind.
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace waymark::report {

enum class ExportErrc { folder_missing, not_writable, exists, disk_full, io };

class ExportError : public std::runtime_error {
 public:
  ExportError(ExportErrc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ExportErrc code() const { return code_; }

 private:
  ExportErrc code_;
};

// The file is readable and writable by its owner only: it holds case details. Throws ExportError.
void write_export_file(const std::filesystem::path& target, std::string_view bytes, bool overwrite);

}  // namespace waymark::report
