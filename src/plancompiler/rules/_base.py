"""What a rule yields, and small helpers rules share."""

from ..records import record
from ..textutil import close_matches, did_you_mean, listing  # noqa: F401 (shared with the rules)


@record
class Finding:
    """A rule's finding before it has a file position. ``key``: point at the key, not the value."""

    pointer: str
    message: str
    severity: str | None = None  # None: the rule's default severity
    key: bool = False


def quote(text: str) -> str:
    return f"‘{text}’"


def page(entry) -> str:
    p = entry.get("pagina") if hasattr(entry, "get") else None
    return f" (brochure p. {p})" if p else ""


def suggestions(catalog, trede: str, doel: str, n: int) -> list[str]:
    """Names of up to ``n`` instruments allowed at ``trede`` for ``doel``, the highest rung first.

    The matrix is cumulative (p. 25), so every lower cell is allowed too; but an officer who must
    replace an instrument wants the ones that still give the influence the plan promises.
    """
    allowed = catalog.allowed(trede, doel)
    allowed = sorted(allowed, key=lambda i: -catalog.rank(i["matrix"][doel]))  # stable within a cell
    return [i["naam"] for i in allowed[:n]]
