"""A document's government and ministry, worked out from its date where ministries exist."""

from __future__ import annotations

from typing import Any

from archive.corpus import ministries
from archive.search.generation import Generation


def placed(gen: Generation, docnum: int) -> dict[str, Any]:
    """Return the government and ministry a document falls in, as plain dicts (None where none).

    An archive without ministries (the UK's) gets nothing, so its documents read as before."""
    registry = gen.registry
    if not registry.ministries:
        return {}
    government = gen.periods.government
    code = int(government.codes[docnum])
    if code < 0:
        return {"government": None, "ministry": None}
    key = government.values[code]
    first, last = (_iso(int(day[docnum])) for day in (gen.periods.first, gen.periods.last))
    ministry = ministries.ministry_on(registry.ministries, key, first, last)
    return {
        "government": {"key": key, "name": registry.label("government", key)},
        "ministry": None
        if ministry is None
        else {
            "key": ministry.key,
            "name": ministry.name,
            "number": ministry.number,
            "prime_minister": ministry.prime_minister,
            "start": ministry.start,
            "end": ministry.end,
        },
    }


def _iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"
