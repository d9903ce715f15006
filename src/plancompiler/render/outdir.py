"""The output folder: created if needed (also when another build creates it at the same moment),
locked against concurrent builds, and checked for symlinks before anything is read or written.

The lock is ``.plancompiler-lock`` in the output folder, held with ``flock`` for the whole build, so a
second build into the same folder waits (up to ``PLANCOMPILER_LOCK_TIMEOUT`` seconds, default 30) and
then stops with a clear message. The kernel releases the lock when a process dies, even by SIGKILL.
The work folder (staging) is made inside the output folder: a writable output folder in a read-only
parent works, and the final moves are renames within one file system.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from .common import LOCK, BuildError

DEFAULT_LOCK_TIMEOUT = 30.0
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def ensure_dir(path: Path) -> list[Path]:
    """Create ``path`` and its missing parents; return the folders this call created (outermost
    first). A folder that another process creates meanwhile is fine; a file in the way is not."""
    missing = []
    p = path
    while not os.path.lexists(p):
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    created = []
    for d in reversed(missing):
        try:
            os.mkdir(d)
            created.append(d)
        except FileExistsError:
            if not os.path.isdir(d):
                raise
    if not os.path.isdir(path):
        raise NotADirectoryError(20, "Not a directory", str(path))
    return created


def remove_dirs(dirs: list[Path]) -> None:
    """Remove folders this build created, innermost first, if they are empty."""
    for d in reversed(dirs):
        try:
            os.rmdir(d)
        except OSError:
            pass


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("PLANCOMPILER_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT)))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


class Lock:
    """The build lock of one output folder (a no-op where ``fcntl`` does not exist)."""

    def __init__(self, out: Path):
        self.out = out
        self.path = out / LOCK
        self.fd: int | None = None

    def acquire(self, created: list[Path]) -> None:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; builds are not serialised there
            return
        timeout = lock_timeout()
        deadline = time.monotonic() + timeout
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, 0o644)
            except FileNotFoundError:  # the build that held the lock removed the folder it made
                created += ensure_dir(self.out)
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    secs = f"{timeout:g}".replace(".", ",")
                    raise BuildError(2, f"een andere build schrijft op dit moment in '{self.out}'; plancompiler "
                                        f"heeft {secs} seconden gewacht. Probeer het zo opnieuw, of kies met -o "
                                        "een andere map.") from None
                time.sleep(0.05)
                continue
            # the holder removes the lock file when done: a lock on a removed file locks nothing
            try:
                mine, there = os.fstat(fd), os.stat(self.path, follow_symlinks=False)
                current = (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)
            except FileNotFoundError:
                current = False
            if current:
                self.fd = fd
                return
            os.close(fd)

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None


def symlinked_folders(out: Path, targets: list[str]) -> list[str]:
    """Folders below ``out`` that the targets go into and that are symlinks or no folder at all."""
    bad = []
    for folder in sorted({rel.rsplit("/", 1)[0] for rel in targets if "/" in rel}):
        p = out / folder
        if p.is_symlink() or (os.path.lexists(p) and not p.is_dir()):
            bad.append(folder)
    return bad


def check_folders(out: Path, targets: list[str]) -> None:
    bad = symlinked_folders(out, targets)
    if bad:
        raise BuildError(2, f"in '{out}' is {', '.join(bad)} een symbolische koppeling of geen map. plancompiler "
                            "schrijft en leest niet via koppelingen, ook niet met --force. Verwijder de koppeling "
                            "of kies met -o een andere map.")


def work_dir(out: Path) -> Path:
    """A fresh work folder inside the output folder."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix=".plancompiler-", dir=str(out)))
