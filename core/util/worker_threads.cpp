#include "util/worker_threads.h"

#include <ATen/Parallel.h>

namespace ferkd {

void useOneIntraOpThread() { at::set_num_threads(1); }

}  // namespace ferkd
