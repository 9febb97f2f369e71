"""LibreOffice's children: killed with their group on every way out, their folders removed or swept."""
import multiprocessing
import os
import random
import shutil
import signal
import sys
import time
import uuid
from pathlib import Path

import pytest

from mszs.errors import UnreadableInput
from mszs.parsers import libreoffice, read_bytes
from mszs.parsers.detect import OLE2_MAGIC
from mszs.parsers.doc import is_garbage

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc as on Linux")


def _fake_soffice(tmp_path: Path, marker: str) -> str:
    """A stand-in for soffice that starts a grandchild, as soffice does soffice.bin, and hangs."""
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        f"{sys.executable} -c 'import time; time.sleep(600)' {marker} &\n"
        f"exec {sys.executable} -c 'import time; time.sleep(600)' {marker}\n"
    )
    script.chmod(0o755)
    return str(script)


def _running(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in command and state != "Z":
            found.append(int(entry.name))
    return found


def _gone(marker: str, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while _running(marker):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture(params=["isolated", "profile only"])
def isolation(request, monkeypatch):
    if request.param == "isolated" and not libreoffice.isolation():
        pytest.skip("no network namespace can be had here")
    if request.param == "profile only":
        monkeypatch.setattr(libreoffice, "isolation", lambda: ())
    return request.param


@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(libreoffice.tempfile, "tempdir", str(folder))
    return folder


def test_timeout_kills_the_whole_group_and_removes_the_folder(tmp_path, temp_dir, isolation, monkeypatch):
    marker = f"mszs-test-{uuid.uuid4().hex}"
    monkeypatch.setattr(libreoffice, "TIMEOUT_SECONDS", 1)
    with pytest.raises(UnreadableInput, match="within 1 seconds"):
        libreoffice.convert(b"x", _fake_soffice(tmp_path, marker), suffix="doc", to="docx")
    assert _gone(marker)
    assert list(temp_dir.iterdir()) == []


def _convert_forever(soffice: str) -> None:
    libreoffice.convert(b"x", soffice, suffix="doc", to="docx")


def test_killing_the_converting_process_kills_libreoffice(tmp_path, temp_dir, monkeypatch):
    """A batch worker stopped by --timeout is killed outright: its LibreOffice goes with it."""
    if not libreoffice.isolation():
        pytest.skip("no PID namespace can be had here")
    marker = f"mszs-test-{uuid.uuid4().hex}"
    worker = multiprocessing.get_context("fork").Process(target=_convert_forever, args=(_fake_soffice(tmp_path, marker),))
    worker.start()
    deadline = time.monotonic() + 10
    while len(_running(marker)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(_running(marker)) == 2
    os.kill(worker.pid, signal.SIGKILL)
    worker.join()
    assert _gone(marker)
    # Its folder outlives it, unlocked: the next batch sweeps it.
    assert len(list(temp_dir.iterdir())) == 1
    assert libreoffice.sweep_stale_folders() == 1
    assert list(temp_dir.iterdir()) == []


def test_sweep_removes_only_folders_no_process_holds(tmp_path):
    held = tmp_path / "mszs-held"
    unheld = tmp_path / "mszs-unheld"
    fresh = tmp_path / "mszs-fresh"  # being created: not locked yet
    old = tmp_path / "mszs-old"  # left by an mszs without locks
    other = tmp_path / "other-unheld"
    not_ours = tmp_path / "mszs-bench-old"  # another tool's: no LibreOffice profile
    for folder in (held, unheld, fresh, old, other, not_ours):
        folder.mkdir()
    (old / "profile").mkdir()
    for folder in (held, unheld, other):
        (folder / ".in-use").touch()
    an_hour_ago = time.time() - 3600
    for folder in (old, not_ours):
        os.utime(folder, (an_hour_ago, an_hour_ago))
    import fcntl

    with open(held / ".in-use", "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert libreoffice.sweep_stale_folders(tmp_path) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mszs-bench-old", "mszs-fresh", "mszs-held", "other-unheld"]


def test_profile_keeps_libreoffice_offline(tmp_path):
    libreoffice.write_profile(tmp_path / "profile")
    settings = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text()
    assert '<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value>' in settings
    assert '<prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value>' in settings


def test_garbage_is_told_from_notices():
    rng = random.Random(13)
    random_units = "".join(chr(rng.choice([*range(0x20, 0xD800), *range(0xE000, 0xFFFE)])) for _ in range(3000))
    assert is_garbage(random_units)
    assert is_garbage("ÐÏà¡±á ¾ ÿþ ÿÿÿÿ ÿÿÿÿ ÿÿÿÿ" * 20)  # cp1252 read of binary
    assert is_garbage("??????????????" * 5 + "2021")
    assert not is_garbage("关于办好2021年县政府民生实事项目的通知\n责任单位：县教体局、县財政局（繁體）")
    assert not is_garbage("Annual report 2021: 3,800 school places")
    assert not is_garbage("")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_ole_magic_and_random_bytes_are_unreadable():
    rng = random.Random(14)
    data = OLE2_MAGIC + bytes(rng.getrandbits(8) for _ in range(6000))
    with pytest.raises(UnreadableInput, match="meaningless"):
        read_bytes(data)


def test_a_batch_sweeps_the_folders_a_killed_run_left(tmp_path, temp_dir):
    from mszs.batch import run

    stale = temp_dir / "mszs-left-by-a-killed-worker"
    (stale / "profile").mkdir(parents=True)
    (stale / ".in-use").touch()  # its lock died with the process that held it
    notice = tmp_path / "notice.txt"
    notice.write_text("关于办好2021年民生实事项目的通知\n", encoding="utf-8")
    run([notice], tmp_path / "out", workers=1)
    assert not stale.exists()
