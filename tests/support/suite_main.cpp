// The main of a test program holding several suites (test_suites.h). Each program is
// compiled with FERKD_TEST_GUI 0 or 1: the studio's suites need a QApplication, as
// QTEST_MAIN made one; the others a QCoreApplication, as QTEST_GUILESS_MAIN did.
#include <QtTest>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#if FERKD_TEST_GUI
#include <QApplication>
#endif

#include "test_suites.h"
#include "util/allocator.h"

namespace ferkd::test {
namespace {
std::map<std::string, SuiteFactory>& suites() {
    static std::map<std::string, SuiteFactory> all;
    return all;
}
}  // namespace

bool registerSuite(const char* name, SuiteFactory make) {
    if (!suites().emplace(name, std::move(make)).second) {
        std::fprintf(stderr, "two test suites named '%s' in one program\n", name);
        std::abort();
    }
    return true;
}

}  // namespace ferkd::test

int main(int argc, char** argv) {
    ferkd::keepFreedMemoryForReuse();  // the threads and heap as the app has them
    using ferkd::test::suites;
    const auto suite = argc > 1 ? suites().find(argv[1]) : suites().end();
    if (suite == suites().end()) {
        std::fprintf(stderr, "usage: %s SUITE [Qt Test options]\nsuites:", argv[0]);
        for (const auto& [name, make] : suites()) std::fprintf(stderr, " %s", name.c_str());
        std::fprintf(stderr, "\n");
        return 2;
    }
    // Qt Test reads the options after the suite's name as its own.
    std::vector<char*> args{argv[0]};
    args.insert(args.end(), argv + 2, argv + argc);
    int count = int(args.size());
    args.push_back(nullptr);
#if FERKD_TEST_GUI
    QApplication app(count, args.data());
    app.setAttribute(Qt::AA_Use96Dpi, true);
#else
    QCoreApplication app(count, args.data());
#endif
    const auto tests = suite->second();
    return QTest::qExec(tests.get(), count, args.data());
}
