"""Server-rendered bar charts: geometry for an SVG the template draws (no JavaScript)."""

from dataclasses import dataclass

WIDTH = 640
BAR_AREA_HEIGHT = 180
LABEL_SPACE = 48
TOP_SPACE = 20


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    label_x: float
    value_y: float


def bar_chart(rows: list[tuple[str, int]]) -> dict:
    count = max(len(rows), 1)
    slot = WIDTH / count
    width = slot * 0.7
    top = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        height = BAR_AREA_HEIGHT * value / top
        x = index * slot + (slot - width) / 2
        y = TOP_SPACE + BAR_AREA_HEIGHT - height
        bars.append(
            Bar(
                round(x, 1),
                round(y, 1),
                round(width, 1),
                round(height, 1),
                label,
                value,
                round(x + width / 2, 1),
                round(y - 4, 1),
            )
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": TOP_SPACE + BAR_AREA_HEIGHT + LABEL_SPACE,
        "baseline": TOP_SPACE + BAR_AREA_HEIGHT,
        "label_y": TOP_SPACE + BAR_AREA_HEIGHT + 18,
    }
