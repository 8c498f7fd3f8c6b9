#pragma once
// Files that are either whole or absent: write to a temporary file in the same
// folder, fsync it, rename it over the target, fsync the folder.
#include <functional>
#include <string>

namespace ferkd {

// `writer` writes the complete content to the temporary path it is given.
// On any failure the temporary file is removed and the target is left untouched.
void writeFileAtomically(const std::string& path, const std::function<void(const std::string& tmpPath)>& writer);

void writeTextFileAtomically(const std::string& path, const std::string& content);

// Throws FileError naming the folder of `path` when it does not exist, is not a folder
// or cannot be written: for exports, where a typo in the folder should not create one.
void requireWritableFolder(const std::string& path);

// Removes the temporary files that writes killed mid-way left in `dir`; returns how many.
int removeStaleTemporaries(const std::string& dir);

// Copies `from` to `path` the same way: the target is the old file or the whole new one.
void copyFileAtomically(const std::string& from, const std::string& path);

}  // namespace ferkd
