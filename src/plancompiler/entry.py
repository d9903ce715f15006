"""The console entry point: error handling, and a click-free start for plain validate runs.

Exit status: 0 no errors · 1 findings at or above --fail-on · 2 usage error or unreadable input ·
3 internal error · 130 interrupted. Findings and crashes never share an exit status.
"""
from __future__ import annotations

import os
import sys

from . import __version__


def main(argv: list[str] | None = None) -> None:
    """Entry point with the error handling of a well-behaved CLI: no traceback, clear exit status."""
    args = sys.argv[1:] if argv is None else list(argv)
    sys.exit(_guarded(lambda: _dispatch(args)))


def console() -> None:
    """The ``plancompiler`` script and ``python -m plancompiler``: ``main`` in its own process.

    When the command is done, the process ends without tearing the interpreter down: freeing every
    module and object costs about 25 ms, a fifth of a validate run in a pre-commit hook. Every file
    plancompiler writes is complete and closed before the command returns (atomic writes, worker
    pools shut down), so only the standard streams need flushing.
    """
    _sigterm_as_interrupt()
    code = _guarded(lambda: _dispatch(sys.argv[1:]))
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or 1
    os._exit(code if isinstance(code, int) and 0 <= code <= 255 else 1)


def _sigterm_as_interrupt() -> None:
    """SIGTERM (CI cancelling a job, ``kill``) ends plancompiler like Ctrl-C: clean-up runs, exit 130.

    The C module ``_signal`` (what ``signal`` wraps) keeps validate's start-up lean: ``signal``
    itself also imports ``enum``."""
    try:
        import _signal as signal
    except ImportError:  # another Python implementation
        import signal

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, interrupt)


def _dispatch(args: list[str]) -> int:
    if args[:1] == ["validate"]:
        from .fastpath import parse_validate

        parsed = parse_validate(args[1:])
        if parsed is not None:  # the plain, common case: no need to import click
            from .commands.validate import run

            plans, o = parsed
            return run(plans, fmt=o["fmt"], fail_on="warning" if o["strict"] and o["fail_on"] == "error"
                       else o["fail_on"], quiet=o["quiet"], colour=o["colour"], output=o["output"],
                       catalog_dir=o["catalog_dir"])
    return _click_main(args)


def _click_main(args: list[str]) -> int:
    import click

    from .cli import cli

    try:
        cli.main(args=args, prog_name="plancompiler", standalone_mode=False)
    except click.exceptions.Abort:
        raise KeyboardInterrupt from None
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    return 0


def _guarded(action) -> int:
    try:
        return action()
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except KeyboardInterrupt:
        sys.stderr.write("Afgebroken.\n")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if os.environ.get("PLANCOMPILER_DEBUG"):
            raise
        sys.stderr.write(f"plancompiler: interne fout ({type(exc).__name__}: {exc}). Dit is een fout in "
                         f"plancompiler {__version__}, niet in uw plan; meld hem alstublieft. Zet "
                         "PLANCOMPILER_DEBUG=1 voor details.\n")
        return 3
