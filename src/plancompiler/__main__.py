"""``python -m plancompiler``: the same command line as the ``plancompiler`` script."""
try:
    from .entry import console
except KeyboardInterrupt:  # Ctrl-C (or SIGINT) while Python was still loading plancompiler
    import os
    import sys

    sys.stderr.write("Afgebroken.\n")
    sys.stderr.flush()
    os._exit(130)

console()
