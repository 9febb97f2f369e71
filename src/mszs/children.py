"""Child processes that must not outlive the process that started them."""
from __future__ import annotations

import ctypes
import os
import signal
import sys


def die_with_parent(parent_pid: int) -> None:
    """On Linux, have the kernel kill the calling process when its parent dies (SIGKILL
    leaves the parent no time to stop its children), even in the middle of a file it is
    stuck on. Call it in the child, first thing; elsewhere it does nothing."""
    if not sys.platform.startswith("linux"):
        return
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # died before the line above
        os._exit(1)
