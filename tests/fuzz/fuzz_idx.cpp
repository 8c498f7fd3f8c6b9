// IDX images + labels (Fashion-MNIST's format, plain or gzip). The first byte of the
// input says where the images file ends and the labels file begins.
#include "data/idx_dataset.h"
#include "fuzz_support.h"

FERKD_FUZZ_TARGET(idx) {
    if (size < 1) return 0;
    const size_t split = std::min(size - 1, size_t(data[0]) * 16);
    const std::string images = ferkd::fuzz::writeInput(data + 1, split, "-images.idx");
    const std::string labels = ferkd::fuzz::writeInput(data + 1 + split, size - 1 - split, "-labels.idx");
    ferkd::fuzz::expectCleanErrors([&] {
        ferkd::IdxDataset d(images, labels);
        for (int64_t i = 0; i < d.size(); ++i) (void)d.image(i).sum();
    });
    return 0;
}
