// A soft-label store (.fkdl): header, records, checksum; every crop read back.
#include "fuzz_support.h"
#include "labels/label_store.h"

FERKD_FUZZ_TARGET(label_store) {
    const std::string path = ferkd::fuzz::writeInput(data, size, ".fkdl");
    ferkd::fuzz::expectCleanErrors([&] {
        ferkd::LabelStore store(path, /*verifyChecksum=*/true);
        const auto& info = store.info();
        for (int64_t i = 0; i < info.num_images; ++i)
            for (const auto& crop : store.image(i)) (void)crop;
    });
    return 0;
}
