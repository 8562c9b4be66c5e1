"""Agreement between two independent readers of the same real articles (``python -m devtools.agreement``).

The first reader's labels are in ``eval/real/new.jsonl`` and ``locked.jsonl``; a second reader, who never saw them,
labelled a sample again into ``eval/real/second_reader.jsonl``. Scored both ways with the project's matching:
each reader's optional items neither reward nor punish (as the scorer treats gold), and strictly, with every item
of both counted as a claim.
"""

from __future__ import annotations

import json
from pathlib import Path

from .evaluation import Tally, evaluate

REAL = Path(__file__).resolve().parent.parent / "eval" / "real"


def _read(*paths: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in paths:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    out[row["id"]] = row
    return out


def agreement(first: dict[str, dict], second: dict[str, dict], strict: bool = False) -> dict[str, Tally]:
    """The second reader scored against the first, on the articles both labelled."""
    ids = sorted(set(first) & set(second))

    def items(row: dict, kind: str, as_prediction: bool) -> list[dict]:
        if strict:
            return [dict(x, optional=False) for x in row.get(kind, [])]
        return [x for x in row.get(kind, []) if not (as_prediction and x.get("optional"))]

    gold = [{"id": i, "facts": items(first[i], "facts", False), "mous": items(first[i], "mous", False)} for i in ids]
    pred = {i: {"facts": items(second[i], "facts", True), "mous": items(second[i], "mous", True)} for i in ids}
    return evaluate(gold, pred)


def main() -> None:
    """Print the agreement per metric, both ways and strictly."""
    first = _read(REAL / "new.jsonl", REAL / "locked.jsonl")
    second = _read(REAL / "second_reader.jsonl")
    both = sorted(set(first) & set(second))
    print(f"{len(both)} articles labelled by two readers")
    one_way, other_way, strict = agreement(first, second), agreement(second, first), agreement(first, second, strict=True)
    print(f"  {'':34} {'F1 (2 vs 1)':>11} {'F1 (1 vs 2)':>11} {'strict P':>9} {'R':>6} {'F1':>6}")
    for key in ["facts"] + sorted(k for k in strict if k.startswith("facts:")) + ["mous"]:
        a, b, s = one_way.get(key, Tally()), other_way.get(key, Tally()), strict.get(key, Tally())
        print(f"  {key:<34} {a.f1:11.3f} {b.f1:11.3f} {s.precision:9.3f} {s.recall:6.3f} {s.f1:6.3f}")


if __name__ == "__main__":
    main()
