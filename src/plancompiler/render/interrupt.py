"""SIGINT and SIGTERM during a build: both become KeyboardInterrupt, except inside ``held()``.

A build installs ``Interrupts`` for its duration (main thread only; elsewhere it does nothing). A
signal raises KeyboardInterrupt where the build is, so its clean-up runs: pandoc is ended, the work
folder removed. Moving the files into place runs ``held()``: a signal then waits until the move is
complete (or rolled back), so an interrupt never leaves a mix of old and new files behind.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

SIGNALS = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s)


class Interrupts:
    def __init__(self) -> None:
        self.holding = False
        self.pending: int | None = None  # a signal that arrived while held
        self.final = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> "Interrupts":
        if threading.current_thread() is threading.main_thread():
            for signum in SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()

    def _handle(self, signum, _frame) -> None:
        if self.holding:
            self.pending = signum
            return
        raise KeyboardInterrupt

    def hold_until_exit(self) -> None:
        """From now on signals only set ``pending``: the build's outcome is decided."""
        self.holding = True
        self.final = True

    @contextmanager
    def held(self):
        """Signals wait while the block runs; the caller decides with ``pending`` what they mean."""
        before = self.holding
        self.holding = True
        try:
            yield self
        finally:
            self.holding = before or self.final
