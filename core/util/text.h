#pragma once
#include <cstdint>
#include <optional>
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

// "1.5 GB", "12.0 MB", "3 KB", "12 bytes" (binary units: GB = 2^30 bytes).
std::string formatBytes(uint64_t bytes);

// "80G", "80 GB", "80GiB", "512M", "1.5T", "4096" (bytes): binary units, as formatBytes
// and nvidia-smi's MiB; nullopt for anything else.
std::optional<uint64_t> parseByteSize(const std::string& text);

// A row id as users and clients write it (a run id, a cursor): 1 to 18 decimal digits and
// nothing else (no sign, no spaces), so it always fits an int64; nullopt otherwise.
std::optional<int64_t> parseRowId(const std::string& text);

// "1h 02m", "3m 05s", "12s"
std::string formatDuration(double seconds);

}  // namespace ferkd
