#pragma once
// The graded conclusions an assessment can reach.
#include <cstdint>

namespace waymark::rules {

// How far the answers show one legal element (Action, Means or Purpose).
enum class ElementStatus : std::uint8_t { present, partial, absent, unknown, not_required };

// What the responder should do first: call for help now, refer, find out more, or give other help.
enum class Band : std::uint8_t { emergency, refer, assess, none };

}  // namespace waymark::rules
