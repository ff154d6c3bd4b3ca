#pragma once
// Export of the case on screen as a referral summary (full, Duty to Notify, handover; PDF, text,
// Markdown, JSON) through report::summarise_case, so the store checks the roles and audits the export.
// The drafted NRM paragraphs can be copied one at a time; the clipboard is cleared after a minute if
// it still holds what was copied.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "clipboard_guard.h"
#include "rules/rule_pack.h"

namespace waymark::app {

class AccessController;
class ScreeningController;

class ExportController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(bool allowed READ allowed NOTIFY changed)
  Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY changed)
  Q_PROPERTY(QString lastResult READ lastResult NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
  Q_PROPERTY(bool needsOverwrite READ needsOverwrite NOTIFY changed)
  Q_PROPERTY(QVariantList drafts READ drafts NOTIFY changed)

 public:
  ExportController(AccessController& access, ScreeningController& screening, const rules::RulePack& pack,
                   QObject* parent = nullptr);

  // Whether this user's roles may export at all (the store decides for each case).
  [[nodiscard]] bool allowed() const;
  [[nodiscard]] QString folder() const { return folder_; }
  void setFolder(const QString& folder);
  [[nodiscard]] QString lastResult() const { return last_result_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] bool needsOverwrite() const { return needs_overwrite_; }
  [[nodiscard]] QVariantList drafts() const { return drafts_; }

  // variant: full | dtn | handover; format: pdf | text | md | json. An existing file is replaced only
  // with `overwrite` (after the page has asked).
  Q_INVOKABLE void exportCase(const QString& variant, const QString& format, bool overwrite);
  // The drafted NRM paragraphs of the full summary, for copying.
  Q_INVOKABLE void loadDrafts();
  Q_INVOKABLE void copyDraft(int index);

 signals:
  void changed();

 private:
  void reset();

  AccessController& access_;
  ScreeningController& screening_;
  const rules::RulePack& pack_;
  ClipboardGuard clipboard_;
  QString folder_, last_result_, last_error_;
  bool needs_overwrite_ = false;
  QVariantList drafts_;
  QStringList draft_texts_;
};

}  // namespace waymark::app
