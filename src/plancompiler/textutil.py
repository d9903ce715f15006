"""Small helpers that several stages share: JSON-pointer tokens, shortened quotes, suggestions.

Kept free of imports at module level: the validate path imports this early.
"""


def escape_token(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901): ``~`` → ``~0``, ``/`` → ``~1``."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """The inverse of ``escape_token`` (``~1`` first, so ``~01`` stays ``~1``)."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer_tokens(pointer: str) -> list[str]:
    """``/a/b~1c`` → ``['a', 'b/c']``; the empty pointer (the whole document) → ``[]``."""
    return [unescape_token(p) for p in pointer.split("/")[1:]] if pointer else []


def short(text: str, limit: int = 60) -> str:
    """User text quoted in a message: one line, at most ``limit`` characters."""
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def close_matches(word: str, options, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """difflib's suggestions, imported only when something needs one (start-up stays lean)."""
    if not isinstance(word, str) or not word or len(word) > 80:
        return []  # nothing sensible to suggest, and difflib is slow on long texts
    import difflib

    return difflib.get_close_matches(word, [str(o) for o in options], n=n, cutoff=cutoff)


def did_you_mean(word: str, options, n: int = 1, cutoff: float = 0.6, quote: bool = True,
                 otherwise: str = "") -> str:
    """`` Bedoelt u 'x'?`` (`` Bedoelt u 'x' of 'y'?``, `` Bedoelt u 'x', 'y' of 'z'?``), or
    ``otherwise`` when nothing is close."""
    close = close_matches(word, options, n=n, cutoff=cutoff)
    if not close:
        return otherwise
    names = [f"'{c}'" if quote else c for c in close]
    return f" Bedoelt u {listing(names, 'of')}?"


def listing(items, conj: str = "en") -> str:
    """``a``, ``a en b``, ``a, b en c`` (or with ``of``): a Dutch enumeration."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]
