#pragma once
// File operations the store needs, each failing with a StoreError that says what went wrong.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::store {

// The keyslot file beside a database: "<db>.keys".
[[nodiscard]] std::filesystem::path keyslot_path(const std::filesystem::path& db);

// Writes `content` to `target` atomically: a temporary file in the same folder, fsync, rename over the
// target, fsync the folder. On failure the target is unchanged and the temporary file removed.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// The whole file; nothing if it does not exist; StoreError for other failures.
[[nodiscard]] std::optional<std::string> read_whole_file(const std::filesystem::path& path);

// Copies a file byte for byte and fsyncs the copy (used for encrypted files only).
void copy_file_synced(const std::filesystem::path& from, const std::filesystem::path& to);

// rename(2) + fsync of the destination folder; StoreError on failure.
void rename_synced(const std::filesystem::path& from, const std::filesystem::path& to);
void fsync_folder(const std::filesystem::path& folder);
// fsync(2) of one file; StoreError on failure.
void fsync_file(const std::filesystem::path& file);

}  // namespace waymark::store
