#pragma once
// File operations the store needs, each failing with a StoreError that says what went wrong.
#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::store {

// The keyslot file beside a database: "<db>.keys".
[[nodiscard]] std::filesystem::path keyslot_path(const std::filesystem::path& db);
// "<keys>.lock": every read-modify-write of a keyslot file (failure counts, passphrase changes, new
// accounts, resets, restores) holds it exclusively and re-reads the file inside it (lock_keyslots).
[[nodiscard]] std::filesystem::path keyslot_lock_path(const std::filesystem::path& keys_file);

// Creates `path` empty with mode 0600 whatever the umask (refused if it exists): the store's files are
// made this way before SQLite opens them, and SQLite gives its -wal and -shm the same mode.
void create_private_file(const std::filesystem::path& path);

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

// What the write-ahead log beside a database holds, read with SQLite's own WAL format rules
// (sqlite.org/fileformat2.html#walformat): a header, then frames whose salts match the header and whose
// cumulative checksums hold. SQLite replays frames up to the first invalid one and silently drops the
// rest; `damaged` says that frames of the current log follow an invalid one, i.e. replaying would lose
// committed transactions.
struct WalCheck {
  std::uintmax_t bytes = 0;      // size of the -wal file (0 if there is none)
  std::int64_t valid_frames = 0;  // frames before the first invalid one
  std::int64_t committed_frames = 0;  // of those, up to the last commit frame
  std::int64_t first_bad_frame = 0;   // 1-based; 0 if none
  bool damaged = false;
  std::string problem;  // when damaged
};
[[nodiscard]] WalCheck check_wal(const std::filesystem::path& wal);

// Whole-file advisory locks (flock(2); independent of SQLite's own fcntl locks) on the database file:
// every open CaseStore holds a shared lock, a restore takes an exclusive one. Closes on destruction.
class FileLock {
 public:
  FileLock() = default;
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();
  // Exclusive if nobody else holds a lock; nothing if someone does (or the file cannot be opened).
  [[nodiscard]] static std::optional<FileLock> try_exclusive(const std::filesystem::path& file);
  // Shared; waits while a restore holds the file exclusively, and follows a replaced file.
  [[nodiscard]] static std::optional<FileLock> shared(const std::filesystem::path& file);
  // Exclusive -> shared (after the checks only a sole user may make).
  void downgrade();
  // Exclusive on a lock file of its own (created 0600 if missing, never removed); waits for the
  // holder. An empty lock if the file can neither be created nor opened (a read-only folder, where
  // nothing can be replaced anyway).
  [[nodiscard]] static FileLock exclusive_waiting(const std::filesystem::path& lock_file);
  [[nodiscard]] bool held() const { return fd_ >= 0; }

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace waymark::store
