#pragma once
// A prepared SQLite statement that finalises itself; binds by position (1-based).
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/error.h"

namespace ferkd {

// An SQLite failure as the user should read it: the database file, what failed, and for
// a full disk or an I/O error the likely cause.
inline FileError sqliteError(sqlite3* db, const std::string& what) {
    const char* file = sqlite3_db_filename(db, "main");
    const int code = sqlite3_extended_errcode(db) & 0xff;
    std::string message = what + sqlite3_errmsg(db);
    if (code == SQLITE_FULL || code == SQLITE_IOERR) message += " (is the disk full?)";
    return FileError(file && *file ? file : "experiment store", message);
}

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            throw sqliteError(db, "cannot prepare SQL: ");
    }
    ~SqliteStatement() { sqlite3_finalize(stmt_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int i, int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); return *this; }
    SqliteStatement& bind(int i, double v) { check(sqlite3_bind_double(stmt_, i, v)); return *this; }
    SqliteStatement& bind(int i, const std::optional<double>& v) {
        check(v ? sqlite3_bind_double(stmt_, i, *v) : sqlite3_bind_null(stmt_, i));
        return *this;
    }
    SqliteStatement& bind(int i, const std::string& v) {
        check(sqlite3_bind_text(stmt_, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    SqliteStatement& bindBlob(int i, const std::vector<uint8_t>& v) {
        check(sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT));
        return *this;
    }
    // True while rows come; false when done. Throws on errors.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw sqliteError(db_, "");
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    int columns() const { return sqlite3_column_count(stmt_); }
    int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::optional<double> optionalReal(int col) const { return isNull(col) ? std::nullopt : std::optional<double>(real(col)); }
    std::string text(int col) const {
        auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
    }

    std::vector<uint8_t> blob(int col) const {
        auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, col));
        return p ? std::vector<uint8_t>(p, p + sqlite3_column_bytes(stmt_, col)) : std::vector<uint8_t>();
    }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) throw sqliteError(db_, "bind failed: ");
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace ferkd
