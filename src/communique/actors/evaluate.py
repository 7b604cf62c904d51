"""Actor accuracy on gold spans (PLOVER GSR-shaped records).

Each gold actor/recipient span is resolved in its sentence with :func:`resolve_text`; country and
sector must both match. PLOVER's special codes are compared as families: the gold data codes the
United Nations and the European Union as ``IGO`` (older convention) where communique says ``UNO``
and ``EUR`` (plover.md section 4), so UNO/EUR count as IGO. A gold sector of null means "no
sector" and is matched only by no sector.
"""

from __future__ import annotations

__all__ = ["actor_accuracy", "same_country", "IGO_FAMILY"]

from collections import Counter
from collections.abc import Iterable
from typing import Any

from communique.actors.api import load_kb, resolve_text
from communique.actors.kb import SECTORS, SPECIAL_COUNTRIES
from communique.config import Options

IGO_FAMILY = frozenset({"IGO", "UNO", "EUR"})
MAX_ERRORS = 40  # examples of misses kept in the report for reading


def same_country(gold: str | None, got: str | None) -> bool:
    if gold == got:
        return True
    return bool(gold and got and gold in IGO_FAMILY and got in IGO_FAMILY)


def actor_accuracy(records: Iterable[dict[str, Any]], *, options: Options | None = None) -> dict[str, Any]:
    """Resolve every gold span (``actor`` and ``recipient`` lists of ``{"text","code","sector"}``)
    with its sentence as context; score country+sector (``accuracy``), ``country_accuracy``,
    ``sector_accuracy``, ``accuracy_valid_gold`` (only gold codes that exist in ISO 3166 /
    PLOVER), and list some misses."""
    opts = options or Options()
    kb = load_kb(opts)
    known = {e.country for e in kb.entries.values() if e.kind == "country" and e.country} | SPECIAL_COUNTRIES
    n = both = country_ok = sector_ok = 0
    n_valid = both_valid = 0
    by_method: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for rec in records:
        sentence = rec.get("text") or ""
        date = rec.get("date")
        if isinstance(date, str) and len(date) == 8 and date.isdigit():
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        for gold in list(rec.get("actor") or []) + list(rec.get("recipient") or []):
            span = (gold.get("text") or "").strip()
            if not span:
                continue
            n += 1
            res = resolve_text(span, context=sentence, date=date if isinstance(date, str) else None, options=opts, kb=kb)
            got_c = res.actor.country if res.actor else None
            got_s = res.actor.sector if res.actor else None
            c_ok = same_country(gold.get("code"), got_c)
            s_ok = (gold.get("sector") or None) == (got_s or None)
            country_ok += c_ok
            sector_ok += s_ok
            both += c_ok and s_ok
            if gold.get("code") in known and (gold.get("sector") or None) in SECTORS | {None}:
                n_valid += 1
                both_valid += c_ok and s_ok
            by_method[res.method or "none"] += 1
            if not (c_ok and s_ok) and len(errors) < MAX_ERRORS:
                errors.append(
                    {
                        "id": rec.get("id"),
                        "text": span,
                        "gold": f"{gold.get('code')}{gold.get('sector') or ''}",
                        "got": f"{got_c or '---'}{got_s or ''}",
                        "method": res.method,
                    }
                )
    return {
        "n": n,
        "accuracy": round(both / n, 4) if n else 0.0,
        "country_accuracy": round(country_ok / n, 4) if n else 0.0,
        "sector_accuracy": round(sector_ok / n, 4) if n else 0.0,
        # gold codes outside ISO 3166 / PLOVER (typos such as JAP, ITL; CAMEO-only sectors
        # such as MOS, CIV) cannot be matched by any PLOVER coder: scored apart
        "n_valid_gold": n_valid,
        "accuracy_valid_gold": round(both_valid / n_valid, 4) if n_valid else 0.0,
        "methods": dict(by_method),
        "errors": errors,
    }
