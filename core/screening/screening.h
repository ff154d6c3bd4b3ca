#pragma once
// A screening of one case under one rule pack, saved as it goes: the one place where answers become a
// stored case, used by the CLI (`case new`) and the app alike. No Qt.
//
// answer() checks the value, commits it to the store and only then updates the session, so what the
// session holds is always what the store holds: a crash loses at most the answer being given.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/answer_check.h"
#include "rules/answers.h"
#include "rules/assessment.h"
#include "rules/rule_pack.h"
#include "rules/session.h"
#include "store/case_store.h"

namespace waymark::screening {

// What resume() found in the store that it could not put back, by question id only (never a value).
struct ResumeReport {
  int restored = 0;                      // answers put back into the session
  std::vector<std::string> not_in_pack;  // saved answers to questions this pack does not have
  std::vector<std::string> not_valid;    // saved answers this pack's question no longer accepts
  bool pack_changed = false;             // the case was started under another pack id, version or hash
  store::PackRef started_under;
  store::CaseSummary summary;  // status, owner, reference as stored
  std::string notes;           // the responder's notes, for the page that edits them
};

class Screening {
 public:
  // A new draft case owned by the store's user, under `pack`.
  [[nodiscard]] static Screening start(store::CaseStore& store, const rules::RulePack& pack);
  // An existing case, its session rebuilt from the stored answers in the order they were first given.
  [[nodiscard]] static Screening resume(store::CaseStore& store, const rules::RulePack& pack, std::int64_t case_id,
                                        ResumeReport* report = nullptr);

  // Checks `value`; if acceptable, commits it and updates the session. A problem is returned and
  // nothing is saved; a store failure (disk full, not allowed) throws store::StoreError and the session
  // is unchanged.
  [[nodiscard]] rules::AnswerProblem answer(int question, const rules::Answer& value);

  // The assessment of the answers so far (pure; cheap enough to call after every answer).
  [[nodiscard]] rules::Assessment assessment() const;
  // Assesses and stores the assessment with the case. Returns it.
  rules::Assessment finish();

  void save_notes(std::string_view notes);

  // Where to carry on: the first shown question without an answer, or nothing when all are answered.
  [[nodiscard]] std::optional<int> next_unanswered() const;

  [[nodiscard]] std::int64_t case_id() const { return case_id_; }
  [[nodiscard]] const std::string& reference() const { return reference_; }
  [[nodiscard]] const rules::Session& session() const { return session_; }
  [[nodiscard]] const rules::RulePack& pack() const { return *pack_; }

 private:
  Screening(store::CaseStore& store, const rules::RulePack& pack, std::int64_t case_id, std::string reference);

  store::CaseStore* store_;
  const rules::RulePack* pack_;
  std::int64_t case_id_;
  std::string reference_;
  rules::Session session_;
};

// `case new`: a new case with every given answer (in pack order) and its assessment, stored in one
// transaction: all of it or, on any failure, no case at all.
struct CreatedCase {
  std::int64_t id = 0;
  std::string reference;
  int answers_saved = 0;
  rules::Band band = rules::Band::none;
};
[[nodiscard]] CreatedCase create_case_from_answers(store::CaseStore& store, const rules::RulePack& pack,
                                                   const rules::AnswerSet& answers);

}  // namespace waymark::screening
