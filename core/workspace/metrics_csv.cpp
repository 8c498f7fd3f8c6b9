#include "workspace/metrics_csv.h"

#include <sstream>

#include "util/error.h"

namespace ferkd {

namespace {

// RFC 4180: quotes around the field, inner quotes doubled.
std::string csvField(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Empty where the run has no such value (validation metrics without a validation split).
std::string optionalField(const std::optional<double>& v) {
    if (!v) return "";
    std::ostringstream o;
    o.precision(8);
    o << *v;
    return o.str();
}

}  // namespace

void writeSystemMetricsCsv(const Workspace& workspace, const std::vector<int64_t>& runIds, std::ostream& os) {
    os << "run_id,run_name,time,seconds_since_start,cpu_percent,rss_mib,gpu_percent,gpu_memory_mib\n";
    os.precision(14);  // unix seconds to the millisecond
    for (int64_t id : runIds) {
        auto r = workspace.run(id);
        if (!r) throw Error("no run with id " + std::to_string(id) + " in " + workspace.location());
        const std::string name = csvField(r->name);
        const auto rows = workspace.systemMetrics(id);
        const double origin = r->started_at > 0 ? r->started_at : rows.empty() ? 0 : rows.front().time;
        for (const auto& m : rows)
            os << id << ',' << name << ',' << m.time << ',' << m.time - origin << ',' << m.cpu_percent << ','
               << m.rss_mib << ',' << optionalField(m.gpu_percent) << ',' << optionalField(m.gpu_memory_mib) << '\n';
    }
}

void writeMetricsCsv(const Workspace& workspace, const std::vector<int64_t>& runIds, bool steps, std::ostream& os) {
    if (steps)
        os << "run_id,run_name,step,epoch,loss,lr,images_per_sec,time\n";
    else
        os << "run_id,run_name,epoch,step,train_loss,train_top1,val_loss,val_top1,val_top5,test_loss,test_top1,test_top5,"
              "lr,seconds\n";
    os.precision(8);
    for (int64_t id : runIds) {
        auto r = workspace.run(id);
        if (!r) throw Error("no run with id " + std::to_string(id) + " in " + workspace.location());
        const std::string name = csvField(r->name);
        if (steps) {
            for (const auto& m : workspace.stepMetrics(id))
                os << id << ',' << name << ',' << m.step << ',' << m.epoch << ',' << m.loss << ',' << m.lr << ','
                   << m.images_per_sec << ',' << m.time << '\n';
        } else {
            for (const auto& m : workspace.epochMetrics(id))
                os << id << ',' << name << ',' << m.epoch << ',' << m.step << ',' << m.train_loss << ','
                   << m.train_top1 << ',' << optionalField(m.val_loss) << ',' << optionalField(m.val_top1) << ','
                   << optionalField(m.val_top5) << ',' << m.test_loss << ',' << m.test_top1 << ',' << m.test_top5 << ',' << m.lr
                   << ',' << m.seconds << '\n';
        }
    }
}

}  // namespace ferkd
