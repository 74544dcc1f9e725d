"""The small helper behind the generated functions (validation walks, builders, writers).

Each generator writes the source of one function, line by line, with the objects it
refers to as named constants, then compiles it once. All the code compiled this way
comes from the library's own field declarations, never from input.
"""

from __future__ import annotations

from typing import Any, Dict, List

__all__ = ["Source"]


class Source:
    """The source text of one generated function and the constants it refers to."""

    def __init__(self, prefix: str = "_c") -> None:
        self.lines: List[str] = []
        self.consts: Dict[str, Any] = {}
        self.prefix = prefix
        self.count = 0

    def name(self, stem: str) -> str:
        """A new local name starting with ``stem``."""
        self.count += 1
        return f"{stem}{self.count}"

    def const(self, value: Any) -> str:
        """The name under which the generated code sees ``value``."""
        name = self.name(self.prefix)
        self.consts[name] = value
        return name

    def add(self, depth: int, line: str) -> None:
        """Append ``line``, indented ``depth`` levels."""
        self.lines.append("    " * depth + line)

    def compile(self, function: str, namespace: Dict[str, Any]) -> Any:
        """Compile the source with ``namespace`` and the constants; return ``function``."""
        scope = {**namespace, **self.consts}
        exec("\n".join(self.lines), scope)  # noqa: S102 - generated from the library's own declarations
        return scope[function]
