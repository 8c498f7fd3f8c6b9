#pragma once
// Named points where the reliability tests make the process fail as a crash or a full
// disk would: killed there (SIGKILL), or a write refused (FileError "No space left on
// device"), or stopped (SIGSTOP: alive but silent, as a wedged rank). Armed by the
// environment, FERKD_FAULT="point:action:n[@rank]" (action kill, enospc or hang; n: the
// n-th time the point is reached, from 1; @rank: only in that rank of a distributed
// run), or in-process by armFault().
// Unarmed, a point costs one relaxed atomic load.
#include <string>

namespace ferkd {

void faultPoint(const char* name);
// "point:action:n[@rank]", or empty to disarm. Throws Error on a malformed spec.
void armFault(const std::string& spec);

}  // namespace ferkd
