// What Python's torch.save writes: a ZIP archive (central directory, ZIP64, CRC-32)
// holding a pickle that the reader interprets without running code.
#include "fuzz_support.h"
#include "interop/torch_pickle.h"

FERKD_FUZZ_TARGET(torch_state_dict) {
    ferkd::fuzz::expectCleanErrors([&] { (void)ferkd::readTorchStateDict(data, size, "fuzz.pt"); });
    return 0;
}
