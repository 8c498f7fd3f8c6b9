#pragma once
// The crop browser's second plot, for label sets of data with object boxes: each crop's
// p(true class) against the share of the object it covers (a sample of crops as dots in
// their group's colour, the median per coverage bin as a line over the band of its middle
// half), the rule's thresholds as
// horizontal lines and the coverage cuts as vertical ones, and the mining figures above
// (ROC AUC, the groups' precision; labels/mining_quality.h says what they mean).
#include <QWidget>

#include <vector>

#include "labels/mining_quality.h"

class QCustomPlot;
class QLabel;

namespace ferkd::ui {

class MiningPlot : public QWidget {
    Q_OBJECT
public:
    explicit MiningPlot(QWidget* parent = nullptr);

    // Enough dots to see the spread, few enough to redraw on every slider move.
    static constexpr size_t kMaxDots = 8000;

    // `crops`: at most kMaxDots with their coverage (CropInspector::mining samples them).
    void set(const MiningQuality& quality, const std::vector<CropMining>& crops);
    void clear();  // a label set without boxes: says so instead of plotting
    QString summary() const;  // the figures as shown, then their explanation (the tooltip)
    int dotsShown() const { return dots_; }

private:
    void drawDots(const std::vector<CropMining>& crops);  // one colour per FerKD group
    void drawBins(const MiningQuality& quality);
    void drawCuts(const MiningQuality& quality);
    void showSummary(const MiningQuality& quality);  // AUC and the groups' precision, with the explanation

    QCustomPlot* plot_ = nullptr;
    QLabel* summary_ = nullptr;
    int dots_ = 0;
};

}  // namespace ferkd::ui
