#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace ferkd {

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string nearestName(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t bestDistance = std::string::npos;
    for (const auto& c : candidates) {
        // Compare against the whole dotted path and against its last part, so that
        // "lr" finds "optim.lr".
        size_t d = editDistance(word, c);
        auto dot = c.rfind('.');
        if (dot != std::string::npos) d = std::min(d, editDistance(word, c.substr(dot + 1)) + 1);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    size_t limit = std::max<size_t>(2, word.size() / 2);
    return bestDistance <= limit ? best : std::string();
}

std::vector<std::string> splitList(const std::string& text, char sep) {
    std::vector<std::string> parts;
    if (text.empty()) return parts;
    size_t begin = 0;
    while (true) {
        const size_t end = text.find(sep, begin);
        std::string part = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        const size_t first = part.find_first_not_of(" \t"), last = part.find_last_not_of(" \t");
        parts.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
        if (end == std::string::npos) return parts;
        begin = end + 1;
    }
}

std::string joinStrings(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string formatDuration(double seconds) {
    if (seconds < 0 || seconds != seconds) return "--";
    long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ldh %02ldm", s / 3600, (s % 3600) / 60);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%ldm %02lds", s / 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%lds", s);
    return buf;
}

std::string sanitizeFileName(const std::string& name) {
    std::string out = name;
    for (char& c : out)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) c = '-';
    return out;
}

std::string formatBytes(uint64_t bytes) {
    char text[32];
    if (bytes >= (uint64_t(1) << 30)) std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / double(1 << 30));
    else if (bytes >= (uint64_t(1) << 20)) std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / double(1 << 20));
    else if (bytes >= 1024) std::snprintf(text, sizeof text, "%.0f KB", double(bytes) / 1024.0);
    else std::snprintf(text, sizeof text, "%llu bytes", (unsigned long long)bytes);
    return text;
}

std::optional<int64_t> parseRowId(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(text);
}

std::optional<uint64_t> parseByteSize(const std::string& text) {
    size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::string unit;
    for (size_t i = used; i < text.size(); ++i)
        if (!std::isspace(static_cast<unsigned char>(text[i]))) unit += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    // "GIB" and "GB" are "G"; "B" alone is bytes.
    if (unit.size() == 3 && unit.compare(1, 2, "IB") == 0) unit.resize(1);
    else if (unit.size() == 2 && unit[1] == 'B') unit.resize(1);
    else if (unit == "B") unit.clear();
    int shift = 0;
    if (!unit.empty()) {
        const size_t at = unit.size() == 1 ? std::string("KMGT").find(unit[0]) : std::string::npos;
        if (at == std::string::npos) return std::nullopt;
        shift = 10 * static_cast<int>(at + 1);
    }
    if (!(value > 0) || value * double(uint64_t(1) << shift) > 9.0e18) return std::nullopt;
    return static_cast<uint64_t>(value * double(uint64_t(1) << shift));
}

}  // namespace ferkd
