#include "batch/batch_prefetcher.h"

#include <algorithm>

#include "util/worker_threads.h"

namespace ferkd {

BatchPrefetcher::BatchPrefetcher(const BatchBuilder& builder, int64_t epoch, int64_t firstStep, int64_t endStep,
                                 Options options)
    : order_(builder.epochOrder(epoch)),
      batches_(
          [&builder, this, epoch, pin = options.pin_memory](int64_t step) {
              Batch batch = builder.trainBatch(order_, epoch, step);
              if (pin) {
                  // What is still on the CPU (all of it unless crops are assembled on the GPU).
                  for (torch::Tensor* t : {&batch.images, &batch.labels, &batch.targets})
                      if (t->defined() && t->is_cpu()) *t = t->pin_memory();
              }
              return batch;
          },
          firstStep, std::min(endStep, builder.stepsPerEpoch()), {options.workers, options.depth, useOneIntraOpThread}) {}

}  // namespace ferkd
