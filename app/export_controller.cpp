#include "export_controller.h"

#include <QDir>
#include <filesystem>

#include "access_controller.h"
#include "pdf/pdf_renderer.h"
#include "report/case_export.h"
#include "report/export_file.h"
#include "report/summary_render.h"
#include "screening_controller.h"
#include "store/errors.h"
#include "store/roles.h"

namespace waymark::app {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

std::optional<report::Variant> variant_of(const QString& v) {
  if (v == QLatin1String("full")) return report::Variant::full;
  if (v == QLatin1String("dtn")) return report::Variant::dtn;
  if (v == QLatin1String("handover")) return report::Variant::handover;
  return std::nullopt;
}

std::optional<report::Format> format_of(const QString& f) {
  if (f == QLatin1String("pdf")) return report::Format::pdf;
  if (f == QLatin1String("text")) return report::Format::text;
  if (f == QLatin1String("md")) return report::Format::markdown;
  if (f == QLatin1String("json")) return report::Format::json;
  return std::nullopt;
}

}  // namespace

ExportController::ExportController(AccessController& access, ScreeningController& screening,
                                   const rules::RulePack& pack, QObject* parent)
    : QObject(parent), access_(access), screening_(screening), pack_(pack), folder_(QDir::homePath()) {
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    clipboard_.clear_if_unchanged();
    reset();
  });
  connect(&access_, &AccessController::stateChanged, this, &ExportController::changed);
  connect(&screening_, &ScreeningController::closed, this, &ExportController::reset);
}

bool ExportController::allowed() const {
  store::CaseStore* store = access_.store();
  return store != nullptr && (store->user().roles & (store::kCaseworker | store::kSupervisor)) != 0;
}

void ExportController::setFolder(const QString& folder) {
  if (folder_ == folder) return;
  folder_ = folder;
  needs_overwrite_ = false;
  emit changed();
}

void ExportController::reset() {
  last_result_.clear();
  last_error_.clear();
  needs_overwrite_ = false;
  drafts_.clear();
  draft_texts_.clear();
  emit changed();
}

void ExportController::exportCase(const QString& variant, const QString& format, bool overwrite) {
  store::CaseStore* store = access_.store();
  const auto v = variant_of(variant);
  const auto f = format_of(format);
  last_result_.clear();
  last_error_.clear();
  needs_overwrite_ = false;
  if (store == nullptr || !screening_.active() || !v || !f) {
    emit changed();
    return;
  }
  try {
    const auto e = report::summarise_case(*store, screening_.caseId(), pack_, *v);
    const std::string bytes = *f == report::Format::pdf ? pdf::render_pdf(e.summary) : report::render(e.summary, *f);
    const std::filesystem::path target =
        std::filesystem::path(folder_.toStdString()) / report::export_file_name(e.summary, *f);
    report::write_export_file(target, bytes, overwrite);
    last_result_ = tr("Saved %1").arg(q(target.string()));
  } catch (const report::ExportError& e) {
    needs_overwrite_ = e.code() == report::ExportErrc::exists;
    last_error_ = QString::fromUtf8(e.what());
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void ExportController::loadDrafts() {
  store::CaseStore* store = access_.store();
  drafts_.clear();
  draft_texts_.clear();
  last_error_.clear();
  if (store == nullptr || !screening_.active()) return;
  try {
    const auto e = report::summarise_case(*store, screening_.caseId(), pack_, report::Variant::full);
    for (const auto& section : e.summary.sections)
      for (const auto& d : section.drafts) {
        drafts_ << QVariantMap{{"box", q(d.box)},           {"step", q(d.step)},
                               {"limit", d.limit},          {"text", q(d.text)},
                               {"notCovered", q(d.not_covered)}, {"overLimit", d.over_limit()},
                               {"index", static_cast<int>(draft_texts_.size())}};
        draft_texts_ << q(d.text);
      }
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void ExportController::copyDraft(int index) {
  if (index < 0 || index >= draft_texts_.size()) return;
  clipboard_.copy(draft_texts_[index]);
  last_result_ = tr("Copied. The clipboard is cleared in a minute if it still holds this paragraph.");
  emit changed();
}

}  // namespace waymark::app
