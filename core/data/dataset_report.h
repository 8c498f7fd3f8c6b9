#pragma once
// What a scan of a data set found: its classes, images per class and the files left
// out with the reason. Free of torch headers, so Qt widgets can include it.
#include <cstdint>
#include <string>
#include <vector>

namespace ferkd {

struct DataProblem {
    std::string file;
    std::string reason;
};

struct DatasetReport {
    std::string path;
    std::string format;
    std::vector<std::string> classes;
    std::vector<int64_t> per_class;
    std::vector<DataProblem> problems;
    std::string generation;  // settings of the generator that made the set, as JSON (make-cluttered); "" if none
    int64_t total() const;
};

}  // namespace ferkd
