#pragma once
// Several Qt Test classes in one program, each run on its own:
//   ferkd_core_tests <suite> [Qt Test options]      (without a suite: the list)
// A program per group (core, e2e, ui) reads LibTorch's headers a few times instead of
// once per test file (README, "How long the first time takes"); CTest still runs each
// suite as its own test, under the name it had as its own program (test_core_store, ...).
#include <QObject>
#include <functional>
#include <memory>

namespace ferkd::test {

using SuiteFactory = std::function<std::unique_ptr<QObject>()>;
// Called by FERKD_TEST_SUITE before main; the object is made only when its suite runs.
bool registerSuite(const char* name, SuiteFactory make);

}  // namespace ferkd::test

// In place of QTEST_MAIN / QTEST_GUILESS_MAIN: the program's main (suite_main.cpp) makes
// the application (QApplication for the studio's tests) and then the suite's object.
#define FERKD_TEST_SUITE(name, Class)                                                     \
    [[maybe_unused]] static const bool ferkdSuiteRegistered_##Class =                     \
        ::ferkd::test::registerSuite(name, [] { return std::unique_ptr<QObject>(new Class); });
