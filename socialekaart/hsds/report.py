"""What an import did: counts, and every rejected row with its reason in plain Dutch."""

from __future__ import annotations

from dataclasses import dataclass, field


class BrokenFile(Exception):
    """The file as a whole cannot be read: nothing is imported."""


class Rejected(Exception):
    """One row or object cannot be imported; the reason is a plain Dutch sentence."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def reject(self, where: str, reason: str) -> None:
        self.rejected.append((where, reason))

    def lines(self) -> list[str]:
        lines = [
            f"Nieuwe voorzieningen: {self.created}. Bijgewerkte voorzieningen: {self.updated}.",
            f"Niet ingelezen: {len(self.rejected)}.",
        ]
        lines += [f"- {where}: {reason}" for where, reason in self.rejected]
        lines += [f"Let op: {note}" for note in self.notes]
        if self.dry_run:
            lines.append("Dit was een proef (--dry-run). Er is niets opgeslagen.")
        return lines
