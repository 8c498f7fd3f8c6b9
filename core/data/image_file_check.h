#pragma once
// Cheap structural checks of image files, reading only their head and tail: decoders
// happily return half a picture for a truncated JPEG, so truncation is found here.
#include <optional>
#include <string>

namespace ferkd {

// The image extensions an image folder takes (lower case, with the dot).
bool isImageExtension(const std::string& path);

// Empty optional when the file looks whole; otherwise why not ("empty file",
// "truncated JPEG: no end-of-image marker", "not a PNG file").
std::optional<std::string> checkImageFile(const std::string& path);

}  // namespace ferkd
