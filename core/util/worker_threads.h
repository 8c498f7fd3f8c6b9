#pragma once
// Helper threads beside a run's compute (batch and label-input workers) use one intra-op
// thread each: the compute thread owns the cores, and a second OpenMP team on the same
// cores makes both spin against each other.
namespace ferkd {

void useOneIntraOpThread();

}  // namespace ferkd
