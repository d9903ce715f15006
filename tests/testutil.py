"""Small helpers several test modules share (imported as ``testutil``: pytest puts tests/ on the path)."""
from __future__ import annotations


def data_paths(node, prefix=()):
    """Every path to a node of loaded plan data: tuples of keys and indexes, the root first."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from data_paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from data_paths(v, prefix + (i,))


def data_at(node, path):
    for p in path:
        node = node[p]
    return node


def has_pandoc() -> bool:
    from plancompiler.render import pandoc

    try:
        pandoc.find_pandoc()
    except pandoc.PandocError:
        return False
    return True
