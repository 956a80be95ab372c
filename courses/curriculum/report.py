"""What a load did (or, in a dry run, would do), for the command's output and for tests."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def lines(self) -> list[str]:
        result = [f"created {item}" for item in self.created]
        result += [f"updated {item}" for item in self.updated]
        result += [f"warning: {item}" for item in self.warnings]
        result.append(f"{len(self.created)} created, {len(self.updated)} updated, {self.unchanged} unchanged")
        return result
