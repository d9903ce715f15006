"""Safe file writing: temporary file in the same directory, then an atomic rename."""
from __future__ import annotations

import os
import tempfile


def atomic_write_bytes(path: str, data: bytes) -> None:
    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".plancompiler-", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, _mode_for(path))  # mkstemp's 0600 would ignore the umask
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: str) -> int:
    """A replaced file keeps its permissions; a new one gets 0666 less the umask, as open() gives."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write_text(path: str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


_ERRNO_NL = {
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "uw schijfquotum is op",
    "EACCES": "u heeft geen schrijfrechten",
    "EPERM": "dit is niet toegestaan",
    "EROFS": "de schijf is alleen-lezen",
    "ENOENT": "de map bestaat niet",
    "ENOTDIR": "een deel van het pad is een bestand, geen map",
    "EISDIR": "dit is een map, geen bestand",
    "ENAMETOOLONG": "de naam is te lang",
    "ELOOP": "er staat een symbolische koppeling in de weg; plancompiler volgt die niet",
}


def os_error_nl(exc: OSError) -> str:
    """A short Dutch reason for an operating-system error, for messages users read."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _ERRNO_NL.get(name) or (exc.strerror or str(exc))
