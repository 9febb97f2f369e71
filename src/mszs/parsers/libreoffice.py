"""Running LibreOffice on an untrusted file: offline, in a folder of its own, never left behind.

A legacy Word file can link pictures and other content to URLs, and LibreOffice
fetches them while it converts the file. Three layers keep that from happening
and keep a stuck or killed conversion from leaving anything behind:

- **no network**: LibreOffice runs in a network namespace of its own with no
  interface but a loopback of its own (``unshare --net``, as root or, for other users,
  in a user namespace); where that is not possible it runs with the profile's
  settings alone;
- **a fresh profile** per conversion that blocks links from untrusted documents,
  never updates links, and runs no macros;
- **one process group** (a PID namespace where ``unshare`` works, its own session
  otherwise), killed whole when the conversion ends, times out, or the process
  that started it dies; and a folder, ``mszs-*`` in the temporary directory,
  removed on every way out. A folder left by a process killed outright is
  swept by the next batch (:func:`sweep_stale_folders`): its lock is free.
"""
from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from mszs.children import die_with_parent
from mszs.errors import MissingTool, UnreadableInput

try:
    import fcntl
except ImportError:  # Windows: folders are not locked, and the sweep leaves them alone
    fcntl = None
_POSIX = os.name == "posix"

TIMEOUT_SECONDS = 120
FOLDER_PREFIX = "mszs-"
_LOCK_NAME = ".in-use"
# A folder without a lock is being created, or was left by an older mszs: stale after this long.
_UNLOCKED_GRACE_SECONDS = 600

# The profile's settings, as (configuration path, property, value).
PROFILE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # never update links
    ("/org.openoffice.Office.Writer/Content/Update", "Field", "false"),
    ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
    # Every protocol through a proxy on a closed port of the loopback: a request that gets past
    # the settings above dies on this machine.
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "2"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    *(("/org.openoffice.Inet/Settings", f"ooInet{scheme}Proxy{field}", value)
      for scheme in ("HTTP", "HTTPS", "FTP") for field, value in (("Name", "127.0.0.1"), ("Port", "9"))),
)

# Ways to give LibreOffice no network, tried in this order: as root, then as another user.
_ISOLATIONS = (
    ("--net", "--pid", "--fork", "--kill-child"),
    ("--map-root-user", "--net", "--pid", "--fork", "--kill-child"),
)


def convert(data: bytes, soffice: str, *, suffix: str, to: str) -> bytes:
    """Convert a file held in ``data`` with LibreOffice (``to``: a filter name such as ``docx``)."""
    with work_folder() as folder:
        source = folder / f"notice.{suffix}"
        source.write_bytes(data)
        profile = folder / "profile"
        write_profile(profile)
        # The private profile also keeps a LibreOffice already running for the user from taking the job.
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", to, "--outdir", str(folder), str(source)]
        run_isolated(command, TIMEOUT_SECONDS)
        converted = folder / f"notice.{to.split(':')[0]}"
        if not converted.exists():
            raise UnreadableInput("LibreOffice could not convert the file (damaged, or protected with a password?)")
        return converted.read_bytes()


@contextmanager
def work_folder() -> Iterator[Path]:
    """A new ``mszs-*`` folder, locked while in use and removed on the way out."""
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    try:
        with open(folder / _LOCK_NAME, "wb") as lock:
            if fcntl:
                fcntl.flock(lock, fcntl.LOCK_EX)  # released by the kernel if this process dies
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_stale_folders(parent: str | os.PathLike | None = None) -> int:
    """Remove the ``mszs-*`` folders no living process holds; returns how many."""
    removed = 0
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            if _in_use(folder):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def _in_use(folder: Path) -> bool:
    if fcntl is None:
        return True
    try:
        lock = open(folder / _LOCK_NAME, "rb")
    except FileNotFoundError:
        # Ours only if LibreOffice ran in it (other tools' mszs-* folders hold no profile).
        return not (folder / "profile").is_dir() or time.time() - folder.stat().st_mtime < _UNLOCKED_GRACE_SECONDS
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
    return False


def write_profile(profile: Path) -> None:
    """A LibreOffice user profile holding only :data:`PROFILE_SETTINGS`."""
    items = "\n".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, name, value in PROFILE_SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}\n</oor:items>\n",
        encoding="utf-8",
    )


def run_isolated(command: list[str], timeout: float) -> None:
    """Run ``command`` with no network where possible, its whole process group killed on the way out."""
    parent = os.getpid()
    own_group = {"start_new_session": True, "preexec_fn": lambda: die_with_parent(parent)} if _POSIX else {}
    try:
        process = subprocess.Popen([*isolation(), *command], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, **own_group)
    except OSError as exc:
        raise MissingTool(f"cannot run LibreOffice ({command[0]}): {exc.strerror or exc}") from exc
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise UnreadableInput(f"LibreOffice did not convert the file within {timeout:g} seconds") from exc
    finally:
        _kill_group(process)


def _kill_group(process: subprocess.Popen) -> None:
    try:
        if _POSIX:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass  # the group is gone already
    process.wait()


@functools.cache
def isolation() -> tuple[str, ...]:
    """The command prefix that gives a child no network and its own PID namespace, or ``()``
    where neither ``unshare`` nor the kernel allows it (the profile's settings then stand alone)."""
    unshare = shutil.which("unshare")
    if not unshare or not sys.platform.startswith("linux"):
        return ()
    for options in _ISOLATIONS:
        try:
            probe = subprocess.run([unshare, *options, "true"], stdin=subprocess.DEVNULL,
                                   capture_output=True, timeout=10, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return (unshare, *options)
    return ()
