"""Server-rendered bar charts: geometry for an SVG the template draws (no JavaScript)."""

import math
from dataclasses import dataclass

from django.utils.text import Truncator

WIDTH = 640
BAR_AREA_HEIGHT = 180
LABEL_SPACE = 48
TOP_SPACE = 20
LABEL_CHARS = 12  # a longer label is cut; the table beside the chart has it whole
CHAR_WIDTH = 7  # of a label's character at the stylesheet's 12px, rounded up
LABEL_GAP = 6  # 4 ran the labels of 12 weeks together into one line
SIDE_SPACE = 24  # left and right of the bars: the first and last label are wider than their bar


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # empty where the labels beside it leave no room
    value: int
    label_x: float
    value_y: float


def bar_chart(rows: list[tuple[str, int]]) -> dict:
    count = max(len(rows), 1)
    slot = WIDTH / count
    width = slot * 0.7
    top = max((value for _label, value in rows), default=0) or 1
    labels = [Truncator(label).chars(LABEL_CHARS) for label, _value in rows]
    step = _label_step(labels, slot)
    bars = []
    for index, (_label, value) in enumerate(rows):
        height = BAR_AREA_HEIGHT * value / top
        x = index * slot + (slot - width) / 2
        y = TOP_SPACE + BAR_AREA_HEIGHT - height
        label = labels[index] if (count - 1 - index) % step == 0 else ""  # the latest bar's always
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
        "view_x": -SIDE_SPACE,
        "view_width": WIDTH + 2 * SIDE_SPACE,
        "width": WIDTH,
        "height": TOP_SPACE + BAR_AREA_HEIGHT + LABEL_SPACE,
        "baseline": TOP_SPACE + BAR_AREA_HEIGHT,
        "label_y": TOP_SPACE + BAR_AREA_HEIGHT + 18,
    }


def _label_step(labels: list[str], slot: float) -> int:
    """Every how many bars a label has room: the week labels of a quarter ran into each other."""
    longest = max((len(label) for label in labels), default=0)
    return max(1, math.ceil((longest * CHAR_WIDTH + LABEL_GAP) / slot))
