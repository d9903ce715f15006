"""``python -m plancompiler``: the same command line as the ``plancompiler`` script."""
from .entry import console

console()
