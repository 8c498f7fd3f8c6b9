#pragma once
#include <string>
#include <vector>

namespace ferkd {

// Levenshtein distance, for "did you mean ...?" suggestions.
size_t editDistance(const std::string& a, const std::string& b);

// The candidate closest to `word`, or "" when none is reasonably close.
std::string nearestName(const std::string& word, const std::vector<std::string>& candidates);

std::string joinStrings(const std::vector<std::string>& parts, const std::string& sep);

// `text` cut at every `sep`, each part without surrounding spaces; "" gives no parts.
std::vector<std::string> splitList(const std::string& text, char sep);

// `name` as a file name: letters, digits, '.', '-' and '_' kept, anything else '-'.
std::string sanitizeFileName(const std::string& name);

// "1h 02m", "3m 05s", "12s"
std::string formatDuration(double seconds);

}  // namespace ferkd
