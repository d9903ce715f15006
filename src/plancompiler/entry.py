"""The console entry point: error handling, UTF-8 streams, and a click-free start for plain validate.

Exit status: 0 no errors · 1 findings at or above --fail-on · 2 usage error or unreadable input ·
3 internal error · 130 interrupted. Findings and crashes never share an exit status.

This module imports ``cli`` (the click commands) only when the fast path does not apply; ``cli``
never imports this module, so there is no import cycle.
"""
import os
import sys

from . import __version__


def main(argv: list[str] | None = None) -> None:
    """Entry point with the error handling of a well-behaved CLI: no traceback, clear exit status."""
    args = sys.argv[1:] if argv is None else list(argv)
    sys.exit(_guarded(lambda: _dispatch(args)))


def console() -> None:
    """The ``plancompiler`` script and ``python -m plancompiler``: ``main`` in its own process.

    When the command is done, the process ends without tearing the interpreter down (see
    docs/performance.md). Every file plancompiler writes is complete and closed before the command
    returns, so only the standard streams need flushing.
    """
    try:
        _sigterm_as_interrupt()
        import _thread

        _MAIN_THREAD[0] = _thread.get_ident()
        sys.unraisablehook = _redeliver_interrupt
        code = _guarded(lambda: _dispatch(sys.argv[1:]))
    except KeyboardInterrupt:  # the signal came before _guarded was in place
        sys.stderr.write("Afgebroken.\n")
        code = 130
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or 1
    except KeyboardInterrupt:  # interrupted while the last output was written
        code = 130
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


def _redeliver_interrupt(unraisable) -> None:
    """An interrupt must never be lost. Python runs a signal handler between any two bytecodes, also
    inside a weakref callback or a finaliser (the import system has one), where an exception cannot
    propagate: Python would print "Exception ignored in …" with a traceback and go on as if no
    signal had come. Here such a KeyboardInterrupt is sent again, as SIGTERM to the main thread from
    a short-lived thread, so that it arrives after this hook has returned; SIGTERM's handler (see
    ``_sigterm_as_interrupt``, or a build's ``Interrupts``) raises it in ordinary code, and a real
    signal also ends a wait for a child process. Other unraisable exceptions keep Python's report."""
    if not issubclass(unraisable.exc_type, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)
        return
    import _thread

    try:
        _thread.start_new_thread(_send_sigterm, (_MAIN_THREAD[0],))
    except KeyboardInterrupt:  # yet another signal, inside this hook: send it on all the same
        _thread.start_new_thread(_send_sigterm, (_MAIN_THREAD[0],))


_MAIN_THREAD = [0]


def _send_sigterm(thread_id: int) -> None:
    import _signal
    import time

    time.sleep(0.002)  # the hook has returned by then
    if hasattr(_signal, "pthread_kill"):
        _signal.pthread_kill(thread_id, _signal.SIGTERM)
    else:  # Windows: no signals to threads; the interrupt comes at the main thread's next bytecode
        import _thread

        _thread.interrupt_main()


def utf8_streams() -> None:
    """Reports are UTF-8 on every machine, whatever the locale or PYTHONIOENCODING says: a CI log or
    a file read by another tool must not depend on the runner's locale, and an ASCII stream must
    not crash the run. File names that are not valid in the locale keep their bytes."""
    for stream, errors in ((sys.stdout, "surrogateescape"), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" or getattr(stream, "errors", errors) != errors:
            try:
                stream.reconfigure(encoding="utf-8", errors=errors)
            except (AttributeError, ValueError, OSError):  # not a text stream we can change
                pass


def _dispatch(args: list[str]) -> int:
    utf8_streams()
    if args[:1] == ["validate"]:
        from .fastpath import parse_validate

        parsed = parse_validate(args[1:])
        if parsed is not None:  # the plain, common case: no need to import click
            from .commands.validate import run
            from .config import ConfigError, settings

            plans, o = parsed
            try:
                s = settings("validate", plans, **o)
            except ConfigError as exc:
                sys.stderr.write(f"plancompiler: {exc}\n")
                return 2
            return run(s)
    if args[:1] == ["build"]:
        from .fastpath import parse_build

        parsed_build = parse_build(args[1:])
        if parsed_build is not None:  # the first pandoc starts sooner without click
            from .commands.build import run as build
            from .config import ConfigError, settings

            plan, o = parsed_build
            try:
                s = settings("build", (plan,), **o)
            except ConfigError as exc:
                sys.stderr.write(f"plancompiler: {exc}\n")
                return 2
            return build(s)
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
