#pragma once
// The one exception type of the core: every message names what was wrong (a file,
// a config field) and what was expected, so callers can show it as it is.
#include <stdexcept>
#include <string>

namespace ferkd {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// A config field had a bad value; `field` is its dotted path ("optim.lr").
class ConfigError : public Error {
public:
    ConfigError(std::string field, const std::string& message)
        : Error(field.empty() ? message : "config field '" + field + "': " + message),
          field_(std::move(field)), message_(message) {}
    const std::string& field() const { return field_; }
    const std::string& message() const { return message_; }  // without the field's name

private:
    std::string field_, message_;
};

// A file could not be read or had the wrong content; the message names the file.
class FileError : public Error {
public:
    FileError(const std::string& path, const std::string& message)
        : Error(path + ": " + message), path_(path) {}
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace ferkd
