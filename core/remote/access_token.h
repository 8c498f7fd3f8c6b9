#pragma once
// The server's access token: 32 random bytes written as 64 hex digits, kept in a file
// only its owner may read (as ssh keeps keys). Every request carries it as
// "Authorization: Bearer <token>"; the server compares it in constant time.
#include <string>
#include <string_view>

namespace ferkd {

// <workspace>/server/token: where `ferkd serve` keeps its token unless told otherwise.
std::string defaultTokenPath(const std::string& workspace);

// The token in `path`; a new one is generated and written there (mode 0600, folder
// created) when the file does not exist. FileError when the file can be read by others
// than its owner, or holds no token.
std::string loadOrCreateAccessToken(const std::string& path);
// The token a client was given, with the same checks; the file must exist.
std::string readAccessToken(const std::string& path);

// Keeps a token a client was given in `path` (mode 0600, replacing what was there);
// ConfigError when it is not one.
void saveAccessToken(const std::string& path, const std::string& token);

// Equal tokens, in time that depends on the expected token's length only.
bool tokensEqual(std::string_view expected, std::string_view given);

}  // namespace ferkd
