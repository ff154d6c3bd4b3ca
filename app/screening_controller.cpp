#include "screening_controller.h"

#include <QLocale>

#include "access_controller.h"
#include "report/reasons.h"
#include "rules/names.h"
#include "store/errors.h"
#include "store/roles.h"
#include "summary_presenter.h"
#include "time_text.h"

namespace waymark::app {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

const char* kind_name(const rules::Answer* a) {
  if (a == nullptr) return "none";
  switch (a->kind) {
    case rules::Answer::Kind::value: return "value";
    case rules::Answer::Kind::dont_know: return "dont_know";
    case rules::Answer::Kind::prefer_not_to_say: return "prefer_not_to_say";
  }
  return "none";
}

}  // namespace

ScreeningController::ScreeningController(AccessController& access, const rules::RulePack& pack, QObject* parent)
    : QObject(parent), access_(access), pack_(pack) {
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    if (screening_) place_ = Place{screening_->case_id(), current_, view_};
    forget();
  });
  connect(&access_, &AccessController::unlocked, this, [this] {
    const auto place = std::exchange(place_, std::nullopt);
    if (!place) return;
    resume(place->case_id);
    if (!screening_) return;
    if (place->question >= 0 && screening_->session().is_shown(place->question)) current_ = place->question;
    view_ = place->view;
    emit changed();
  });
}

QString ScreeningController::caseReference() const { return screening_ ? q(screening_->reference()) : QString(); }

const rules::Answer* ScreeningController::current_answer() const {
  return screening_ && current_ >= 0 ? screening_->session().answers().get(current_) : nullptr;
}

QVariantMap ScreeningController::question() const {
  if (!screening_ || current_ < 0) return {};
  const rules::Question& qn = pack_.questions[static_cast<std::size_t>(current_)];
  const rules::Answer* a = current_answer();
  QVariantMap m;
  m["id"] = q(qn.id);
  m["text"] = q(qn.text);
  m["help"] = q(qn.help);
  m["ask"] = q(qn.ask);
  m["type"] = q(rules::to_string(qn.type));
  m["section"] = q(pack_.sections[static_cast<std::size_t>(qn.section)].title);
  m["offersDontKnow"] = qn.offer_dont_know;
  m["offersPreferNotToSay"] = qn.offer_prefer_not_to_say;
  m["answerKind"] = QString::fromLatin1(kind_name(a));
  const bool value = a != nullptr && a->is_value();
  m["yes"] = value && qn.type == rules::AnswerType::yes_no ? QVariant(a->yes) : QVariant();
  m["number"] = value && qn.type == rules::AnswerType::number ? q(rules::number_text(a->number)) : QString();
  m["answerText"] = value && (qn.type == rules::AnswerType::date || qn.type == rules::AnswerType::free_text)
                        ? q(a->text) : QString();
  if (qn.type == rules::AnswerType::number && qn.min > -1e300 && qn.max < 1e300) {
    m["min"] = qn.min;
    m["max"] = qn.max;
  }
  QVariantList options;
  for (std::size_t i = 0; i < qn.options.size(); ++i) {
    const bool chosen = value && (a->choices & (std::uint64_t{1} << i)) != 0;
    options << QVariantMap{{"index", static_cast<int>(i)}, {"value", q(qn.options[i].value)},
                           {"text", q(qn.options[i].text)}, {"chosen", chosen}};
  }
  m["options"] = options;
  return m;
}

int ScreeningController::position() const {
  if (!screening_) return 0;
  const auto& shown = screening_->session().shown();
  for (std::size_t i = 0; i < shown.size(); ++i)
    if (shown[i] == current_) return static_cast<int>(i) + 1;
  return 0;
}

int ScreeningController::shownCount() const {
  return screening_ ? static_cast<int>(screening_->session().shown().size()) : 0;
}

int ScreeningController::answeredCount() const {
  return screening_ ? shownCount() - static_cast<int>(screening_->session().unanswered().size()) : 0;
}

QVariantList ScreeningController::sections() const {
  QVariantList out;
  if (!screening_) return out;
  const int current_section = current_ >= 0 ? pack_.questions[static_cast<std::size_t>(current_)].section : -1;
  for (const auto& p : screening_->session().progress()) {
    if (p.shown == 0) continue;
    out << QVariantMap{{"title", q(pack_.sections[static_cast<std::size_t>(p.section)].title)},
                       {"shown", p.shown}, {"answered", p.answered}, {"current", p.section == current_section}};
  }
  return out;
}

QVariantList ScreeningController::elements() const {
  return screening_ && assessment_ ? element_panel(pack_, screening_->session().answers(), *assessment_) : QVariantList{};
}

bool ScreeningController::treatedAsChild() const { return assessment_ && assessment_->treated_as_child; }

QVariantMap ScreeningController::summary() const {
  return screening_ && assessment_ ? summary_view(pack_, screening_->session().answers(), *assessment_) : QVariantMap{};
}

QVariantList ScreeningController::emergency() const { return emergency_guidance(pack_); }

void ScreeningController::startNew() {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  try {
    auto s = screening::Screening::start(*store, pack_);
    notes_.clear();
    notice_.clear();
    return_note_.clear();
    editable_ = true;
    const auto first = s.next_unanswered();
    open(std::move(s), first, QStringLiteral("question"));
  } catch (const store::StoreError& e) {
    fail(QString::fromUtf8(e.what()));
  }
}

void ScreeningController::resume(qint64 caseId) {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  try {
    screening::ResumeReport report;
    auto s = screening::Screening::resume(*store, pack_, caseId, &report);
    notes_ = q(report.notes);
    const auto& c = report.summary;
    editable_ = c.owner_id == store->user().id &&
                (c.status == store::CaseStatus::draft || c.status == store::CaseStatus::returned);
    QStringList said;
    if (report.pack_changed)
      said << tr("This case was started under rule pack %1 %2; it is now shown under %3 %4.")
                  .arg(q(report.started_under.id), q(report.started_under.version), q(pack_.id), q(pack_.version));
    const auto unread = report.not_in_pack.size() + report.not_valid.size();
    if (unread > 0)
      said << tr("%n saved answer(s) do not fit this rule pack and are not used; they stay in the case history.", "",
                 static_cast<int>(unread));
    if (!editable_) said << tr("This case is %1: you can read it but not change it.").arg(q(store::to_string(c.status)));
    notice_ = said.join(QLatin1Char(' '));
    auto next_open = s.next_unanswered();
    bool done = !next_open.has_value();
    // A returned case opens with the supervisor's reason on top, at the question it points to.
    return_note_.clear();
    if (c.status == store::CaseStatus::returned) {
      const auto reviews = store->reviews().history(caseId);
      if (!reviews.empty() && reviews.back().decision == store::Decision::returned) {
        const store::Review& r = reviews.back();
        const int pointed = r.question_id.empty() ? -1 : pack_.question_index(r.question_id);
        return_note_ = {{"reason", q(r.note)},
                        {"reviewer", q(r.reviewer_name)},
                        {"when", local_time(r.time_ms)},
                        {"question", pointed >= 0 ? q(pack_.questions[static_cast<std::size_t>(pointed)].text) : QString()}};
        if (editable_ && pointed >= 0 && s.session().is_shown(pointed)) {
          next_open = pointed;
          done = false;
        }
      }
    }
    open(std::move(s), next_open, done || !editable_ ? QStringLiteral("summary") : QStringLiteral("question"));
  } catch (const store::StoreError& e) {
    fail(QString::fromUtf8(e.what()));
  }
}

void ScreeningController::open(screening::Screening s, std::optional<int> at, const QString& view) {
  screening_.emplace(std::move(s));
  const auto& shown = screening_->session().shown();
  current_ = at ? *at : (shown.empty() ? -1 : shown.back());
  view_ = view;
  save_state_.clear();
  problem_.clear();
  last_error_.clear();
  refresh_assessment();
  emit changed();
}

void ScreeningController::refresh_assessment() {
  assessment_ = screening_ ? std::optional(screening_->assessment()) : std::nullopt;
}

void ScreeningController::give(const rules::Answer& answer) {
  if (!screening_ || current_ < 0 || !editable_) return;
  try {
    const rules::AnswerProblem p = screening_->answer(current_, answer);
    if (p != rules::AnswerProblem::none) {
      problem_ = problem_text(p);
      save_state_.clear();
    } else {
      problem_.clear();
      save_state_ = QStringLiteral("saved");  // only now: the store has committed it
      last_error_.clear();
      const bool was_emergency = assessment_ && assessment_->band == rules::Band::emergency;
      refresh_assessment();
      // The pack's rules just found danger: its emergency guidance comes first, the questions after.
      if (!was_emergency && assessment_->band == rules::Band::emergency) {
        place_ = Place{screening_->case_id(), current_, view_};
        view_ = QStringLiteral("emergency");
      }
    }
  } catch (const store::StoreError& e) {
    save_state_ = QStringLiteral("failed");
    last_error_ = tr("Not saved: %1").arg(QString::fromUtf8(e.what()));
  }
  emit changed();
}

QString ScreeningController::problem_text(rules::AnswerProblem p) const {
  const rules::Question& qn = pack_.questions[static_cast<std::size_t>(current_)];
  switch (p) {
    case rules::AnswerProblem::none: return {};
    case rules::AnswerProblem::dont_know_not_offered:
    case rules::AnswerProblem::prefer_not_to_say_not_offered:
    case rules::AnswerProblem::wrong_type:
    case rules::AnswerProblem::not_an_option: return tr("Choose one of the answers shown.");
    case rules::AnswerProblem::choose_one: return tr("Choose one answer.");
    case rules::AnswerProblem::out_of_range:
      if (qn.min > -1e300 && qn.max < 1e300)
        return tr("Type a number from %1 to %2.").arg(q(rules::number_text(qn.min)), q(rules::number_text(qn.max)));
      return tr("Type a number.");
    case rules::AnswerProblem::not_a_date: return tr("Type a date as year-month-day, for example 2026-03-31.");
    case rules::AnswerProblem::text_too_long: return tr("This is too long for an answer: put it in the notes.");
    case rules::AnswerProblem::not_utf8: return tr("This text has characters that cannot be saved.");
  }
  return {};
}

void ScreeningController::answerYesNo(bool yes) { give(rules::Answer{.yes = yes}); }

void ScreeningController::chooseOption(int index) {
  if (index < 0 || index >= 64) return;
  give(rules::Answer{.choices = std::uint64_t{1} << index});
}

void ScreeningController::toggleOption(int index) {
  if (index < 0 || index >= 64) return;
  const rules::Answer* a = current_answer();
  const std::uint64_t before = a != nullptr && a->is_value() ? a->choices : 0;
  give(rules::Answer{.choices = before ^ (std::uint64_t{1} << index)});
}

void ScreeningController::answerNoneOfThese() { give(rules::Answer{.choices = 0}); }

void ScreeningController::answerNumber(const QString& text) {
  bool ok = false;
  const double n = QLocale::c().toDouble(text.trimmed(), &ok);
  if (!ok) {
    problem_ = text.trimmed().isEmpty() ? QString() : problem_text(rules::AnswerProblem::out_of_range);
    emit changed();
    return;
  }
  const rules::Answer* a = current_answer();
  if (a != nullptr && a->is_value() && a->number == n) return;  // unchanged: nothing to save
  give(rules::Answer{.number = n});
}

void ScreeningController::answerText(const QString& text) {
  const rules::Answer* a = current_answer();
  const std::string t = text.toStdString();
  if (a != nullptr && a->is_value() && a->text == t) return;
  if (t.empty() && a == nullptr) return;
  give(rules::Answer{.text = t});
}

void ScreeningController::answerDontKnow() { give(rules::Answer{.kind = rules::Answer::Kind::dont_know}); }

void ScreeningController::answerPreferNotToSay() {
  give(rules::Answer{.kind = rules::Answer::Kind::prefer_not_to_say});
}

void ScreeningController::next() {
  if (!screening_) return;
  const auto& shown = screening_->session().shown();
  problem_.clear();
  save_state_.clear();
  for (int qi : shown) {
    if (qi > current_) {
      current_ = qi;
      view_ = QStringLiteral("question");
      emit changed();
      return;
    }
  }
  showSummary();
}

void ScreeningController::back() {
  if (!screening_) return;
  problem_.clear();
  save_state_.clear();
  if (view_ != QLatin1String("question")) {
    view_ = QStringLiteral("question");
    emit changed();
    return;
  }
  const auto& shown = screening_->session().shown();
  for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
    if (*it < current_) {
      current_ = *it;
      emit changed();
      return;
    }
  }
}

void ScreeningController::goToQuestion(const QString& questionId) {
  if (!screening_) return;
  const int qi = pack_.question_index(questionId.toStdString());
  if (qi < 0 || !screening_->session().is_shown(qi)) return;
  current_ = qi;
  view_ = QStringLiteral("question");
  problem_.clear();
  save_state_.clear();
  emit changed();
}

void ScreeningController::goToFirstUnanswered() {
  if (!screening_) return;
  if (const auto open_q = screening_->next_unanswered()) goToQuestion(q(pack_.questions[static_cast<std::size_t>(*open_q)].id));
}

void ScreeningController::showSummary() {
  if (!screening_) return;
  try {
    if (editable_) assessment_ = screening_->finish();  // stored with the case
    view_ = QStringLiteral("summary");
  } catch (const store::StoreError& e) {
    fail(tr("The assessment was not saved: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  emit changed();
}

void ScreeningController::showEmergency() {
  if (!screening_) return;
  if (view_ != QLatin1String("emergency")) place_ = Place{screening_->case_id(), current_, view_};
  view_ = QStringLiteral("emergency");
  emit changed();
}

void ScreeningController::leaveEmergency() {
  if (!screening_) return;
  const auto place = std::exchange(place_, std::nullopt);
  view_ = place && place->view != QLatin1String("emergency") ? place->view : QStringLiteral("question");
  emit changed();
}

void ScreeningController::saveNotes(const QString& notes) {
  if (!screening_ || !editable_ || notes == notes_) return;
  try {
    screening_->save_notes(notes.toStdString());
    notes_ = notes;
    save_state_ = QStringLiteral("saved");
    last_error_.clear();
  } catch (const store::StoreError& e) {
    save_state_ = QStringLiteral("failed");
    last_error_ = tr("Notes not saved: %1").arg(QString::fromUtf8(e.what()));
  }
  emit changed();
}

void ScreeningController::submitTo(const QString& caseworker) {
  store::CaseStore* store = access_.store();
  if (!screening_ || store == nullptr) return;
  if (caseworker.trimmed().isEmpty()) return fail(tr("Type the user name of the caseworker."));
  try {
    if (editable_) assessment_ = screening_->finish();
    store->cases().submit(screening_->case_id(), caseworker.trimmed().toStdString());
    editable_ = false;
    return_note_.clear();  // answered: the reason is in the case's review history
    notice_ = tr("Submitted to %1.").arg(caseworker.trimmed());
    last_error_.clear();
    emit changed();
  } catch (const store::StoreError& e) {
    fail(QString::fromUtf8(e.what()));
  }
}

void ScreeningController::close() {
  forget();
  place_.reset();
  emit closed();
}

void ScreeningController::forget() {
  screening_.reset();
  assessment_.reset();
  current_ = -1;
  view_.clear();
  save_state_.clear();
  problem_.clear();
  notes_.clear();
  notice_.clear();
  return_note_.clear();
  last_error_.clear();
  emit changed();
}

void ScreeningController::fail(const QString& message) {
  last_error_ = message;
  emit changed();
}

}  // namespace waymark::app
