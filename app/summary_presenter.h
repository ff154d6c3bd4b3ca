#pragma once
// An assessment in the shapes QML shows: the live Action / Means / Purpose panel and the summary page
// (band, steps, organisations, indicators, explanation). Words come from the rule pack; nothing here
// decides anything.
#include <QVariantList>
#include <QVariantMap>

#include "rules/answers.h"
#include "rules/assessment.h"
#include "rules/rule_pack.h"

namespace waymark::app {

// [{element, title, status, because: [text]}] for Action, Means, Purpose (a child: Means not needed).
[[nodiscard]] QVariantList element_panel(const rules::RulePack& pack, const rules::AnswerSet& answers,
                                         const rules::Assessment& a);

// {band, heading, explain, treatedAsChild, childBecause, steps: [{title, action, because}],
//  organisations: [{name, contact, web, checked, why}], indicators: [{text, element, grade, source,
//  unverified}], anyUnverified, types, unanswered, shown, explanation: [{rule, conclusion, because}]}
[[nodiscard]] QVariantMap summary_view(const rules::RulePack& pack, const rules::AnswerSet& answers,
                                       const rules::Assessment& a);

// The pack's emergency guidance: [{title, action}] of every pathway marked emergency_guidance.
[[nodiscard]] QVariantList emergency_guidance(const rules::RulePack& pack);

}  // namespace waymark::app
