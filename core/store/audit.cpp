#include "store/audit.h"

#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include <cstring>
#include <limits>
#include <string>

namespace waymark::store {
namespace {

void put64(unsigned char* out, std::int64_t v) {
  auto u = static_cast<std::uint64_t>(v);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(u >> (8 * i));
}

std::array<std::uint8_t, 32> blob32(const SQLite::Column& c) {
  std::array<std::uint8_t, 32> out{};
  if (c.getBytes() == 32) std::memcpy(out.data(), c.getBlob(), 32);
  return out;
}

AuditEvent read_event(SQLite::Statement& q) {
  AuditEvent e;
  e.seq = q.getColumn(0).getInt64();
  e.time_ms = q.getColumn(1).getInt64();
  e.user_id = q.getColumn(2).getInt64();
  e.action = q.getColumn(3).getInt();
  if (!q.getColumn(4).isNull()) e.case_id = q.getColumn(4).getInt64();
  if (!q.getColumn(7).isNull()) e.subject_id = q.getColumn(7).getInt64();
  if (!q.getColumn(8).isNull()) e.detail = q.getColumn(8).getInt64();
  e.prev_hash = blob32(q.getColumn(5));
  e.hash = blob32(q.getColumn(6));
  if (q.getColumn(5).getBytes() != 32 || q.getColumn(6).getBytes() != 32) e.hash[0] ^= 1;  // never valid
  return e;
}

}  // namespace

AuditLog::AuditLog(SQLite::Database& db, const crypto::Secret& database_key) : db_(db), key_(32) {
  crypto_kdf_derive_from_key(key_.data(), key_.size(), 1, "wmaudit1", database_key.data());
}

std::array<std::uint8_t, 32> AuditLog::hash_of(const AuditEvent& e) const {
  unsigned char fields[32 + 8 * 5 + 1 + 8 * 2] = {};
  std::memcpy(fields, e.prev_hash.data(), 32);
  put64(fields + 32, e.seq);
  put64(fields + 40, e.time_ms);
  put64(fields + 48, e.user_id);
  put64(fields + 56, e.action);
  put64(fields + 64, e.case_id ? *e.case_id : -1);
  std::size_t size = 72;  // events without subject or detail hash exactly as before schema 3
  if (e.subject_id || e.detail) {
    fields[72] = static_cast<unsigned char>((e.subject_id ? 1 : 0) | (e.detail ? 2 : 0));
    put64(fields + 73, e.subject_id.value_or(0));
    put64(fields + 81, e.detail.value_or(0));
    size = sizeof fields;
  }
  std::array<std::uint8_t, 32> out{};
  crypto_generichash(out.data(), out.size(), fields, size, key_.data(), key_.size());
  return out;
}

void AuditLog::append(std::int64_t time_ms, std::int64_t user_id, AuditAction action,
                      std::optional<std::int64_t> case_id, std::optional<std::int64_t> subject_id,
                      std::optional<std::int64_t> detail) {
  AuditEvent e;
  e.seq = 1;
  {
    SQLite::Statement last(db_, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.executeStep()) {
      e.seq = last.getColumn(0).getInt64() + 1;
      e.prev_hash = blob32(last.getColumn(1));
    }
  }
  e.time_ms = time_ms;
  e.user_id = user_id;
  e.action = static_cast<int>(action);
  e.case_id = case_id;
  e.subject_id = subject_id;
  e.detail = detail;
  e.hash = hash_of(e);
  SQLite::Statement insert(db_,
                           "INSERT INTO audit (seq, time_ms, user_id, action, case_id, prev_hash, hash, subject_id, "
                           "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, e.seq);
  insert.bind(2, e.time_ms);
  insert.bind(3, e.user_id);
  insert.bind(4, e.action);
  if (e.case_id) insert.bind(5, *e.case_id);
  else insert.bind(5);
  insert.bind(6, e.prev_hash.data(), 32);
  insert.bind(7, e.hash.data(), 32);
  if (e.subject_id) insert.bind(8, *e.subject_id);
  else insert.bind(8);
  if (e.detail) insert.bind(9, *e.detail);
  else insert.bind(9);
  insert.exec();
}

std::vector<AuditEvent> AuditLog::events() const {
  std::vector<AuditEvent> out;
  SQLite::Statement q(db_, "SELECT seq, time_ms, user_id, action, case_id, prev_hash, hash, subject_id, detail FROM audit "
                         "ORDER BY seq");
  while (q.executeStep()) out.push_back(read_event(q));
  return out;
}

std::vector<AuditEvent> AuditLog::page(std::optional<std::int64_t> case_id, std::int64_t before_seq,
                                       int limit) const {
  std::vector<AuditEvent> out;
  SQLite::Statement q(db_, std::string("SELECT seq, time_ms, user_id, action, case_id, prev_hash, hash, subject_id, "
                                       "detail FROM audit WHERE seq < ?1 ") +
                               (case_id ? "AND case_id = ?2 " : "") + "ORDER BY seq DESC LIMIT ?3");
  q.bind(1, before_seq > 0 ? before_seq : std::numeric_limits<std::int64_t>::max());
  if (case_id) q.bind(2, *case_id);
  q.bind(3, limit);
  while (q.executeStep()) out.push_back(read_event(q));
  return out;
}

AuditCheck AuditLog::verify() const {
  AuditCheck check;
  std::array<std::uint8_t, 32> prev{};
  std::int64_t expected = 1;
  // Read in storage order (rowid = seq), not re-sorted: a reordered or renumbered event shows up too.
  SQLite::Statement q(db_, "SELECT seq, time_ms, user_id, action, case_id, prev_hash, hash, subject_id, detail FROM audit "
                         "ORDER BY rowid");
  while (q.executeStep()) {
    const AuditEvent e = read_event(q);
    std::string problem;
    if (e.seq != expected) problem = "an event is missing or out of order before it";
    else if (sodium_memcmp(e.prev_hash.data(), prev.data(), 32) != 0) problem = "it does not follow the previous event";
    else if (const auto h = hash_of(e); sodium_memcmp(h.data(), e.hash.data(), 32) != 0) problem = "it was altered";
    if (!problem.empty()) {
      check.ok = false;
      check.first_bad_seq = e.seq;
      check.problem = "audit event " + std::to_string(e.seq) + ": " + problem;
      return check;
    }
    prev = e.hash;
    ++expected;
    ++check.events;
  }
  return check;
}

}  // namespace waymark::store
