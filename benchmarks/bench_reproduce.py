"""Wall time and peak memory of ``make reproduce`` (tagging, five notebooks, pages) at corpus scale.

A benchmark that prints figures, not a test: nothing here asserts, and CI never runs it. It answers issue 20:
how long the whole suite takes and how much memory any of its processes needs on the seeds and on 100,
1,000 and 10,000 generated articles (``analysis.synthetic.make_corpus``: the seed texts under 20 outlets,
dates spread over 2016-2023), notebook by notebook, in one run.

Each size runs ``python -m analysis reproduce --corpus C --results R`` as a child process, as ``make
reproduce CORPUS=C RESULTS=R`` does, into a fresh results folder of the work folder. Wall time is the child's,
from start to exit; the notebooks' times are the ones ``reproduce`` logs. Peak memory is each process's
resident high-water mark (``VmHWM`` of ``/proc/<pid>/status``), read every 0.1 s while it runs: the main
process (tagging, HTML export) and the kernel of each notebook (one per notebook, in order); the last tenth
of a second of a process can be missed, so a figure is a lower bound by that much. ``max RSS`` is the
largest of them, the figure the issue's target ("any process < 2 GiB") is about.

Usage (from the repository root, with the suite's virtual environment):
    .venv/bin/python benchmarks/bench_reproduce.py                          # seeds, 100, 1000, 10000
    .venv/bin/python benchmarks/bench_reproduce.py --sizes seeds,100,1000   # without the 10,000 run
    .venv/bin/python benchmarks/bench_reproduce.py --workdir /tmp/kuril-repro --json reproduce.json
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = ("seeds", "100", "1000", "10000")
SAMPLE_SECONDS = 0.1
# These targets come from issue 20 (two cores).
TARGET_SECONDS = {"1000": 90, "10000": 600}
TARGET_PEAK_MIB = 2048
NOTEBOOK_LINE = re.compile(r"reproduce: (\d\d_\w+)\.ipynb ([\d.]+) s")
TAGGED_LINE = re.compile(r"reproduce: tagged .*; ([\d.]+) s ->")


def _status(pid: int) -> dict:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    return {"ppid": int(fields["PPid"]), "hwm_kib": int(fields.get("VmHWM", "0 kB").split()[0])}


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class PeakWatcher(threading.Thread):
    """Samples the resident high-water mark of a process and all its descendants until it exits."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.peaks: dict[int, int] = {}      # pid -> KiB
        self.names: dict[int, str] = {}
        self.first_seen: dict[int, float] = {}
        self.done = threading.Event()

    def _descendants(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                status = _status(int(entry))
                if status:
                    children.setdefault(status["ppid"], []).append(int(entry))
        found, stack = [], [self.root]
        while stack:
            pid = stack.pop()
            found.append(pid)
            stack.extend(children.get(pid, []))
        return found

    def run(self) -> None:
        while not self.done.is_set():
            for pid in self._descendants():
                status = _status(pid)
                if status:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), status["hwm_kib"])
                    if pid not in self.names:
                        self.names[pid] = _cmdline(pid)
                        self.first_seen[pid] = time.monotonic()
            self.done.wait(SAMPLE_SECONDS)

    def kernels(self) -> list[int]:
        return sorted((pid for pid, name in self.names.items() if "ipykernel" in name),
                      key=lambda pid: self.first_seen[pid])


def corpus_for(size: str, workdir: Path) -> tuple[Path, int]:
    """The corpus of a size (the seeds, or generated into the work folder once) and its article count."""
    if size == "seeds":   # the seeds of the checkout measured (PYTHONPATH), as make reproduce there runs them
        from analysis import paths

        return paths.ARTICLES, len(list(paths.ARTICLES.glob("*.txt")))
    folder = workdir / f"corpus_{size}"
    if not (folder / "articles.csv").exists():
        from analysis.synthetic import make_corpus

        if folder.exists():
            shutil.rmtree(folder)
        make_corpus(int(size), folder)
    return folder, int(size)


def run_size(size: str, workdir: Path) -> dict:
    corpus, articles = corpus_for(size, workdir)
    results = workdir / f"results_{size}"
    if results.exists():
        shutil.rmtree(results)   # a folder of this benchmark's own earlier run
    command = [sys.executable, "-m", "analysis", "reproduce", "--corpus", str(corpus), "--results", str(results)]
    started = time.monotonic()
    import analysis

    # From the measured checkout's root: `python -m analysis` puts the working directory first on sys.path.
    child = subprocess.Popen(command, cwd=Path(analysis.__file__).resolve().parent.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    watcher = PeakWatcher(child.pid)
    watcher.start()
    log = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    watcher.done.set()
    watcher.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    notebooks = {name: float(seconds) for name, seconds in NOTEBOOK_LINE.findall(log)}
    tagged = TAGGED_LINE.search(log)
    kernels = watcher.kernels()
    kernel_peaks = {name: watcher.peaks[pid] / 1024 for name, pid in zip(notebooks, kernels)}
    main_peak = watcher.peaks.get(child.pid, 0) / 1024
    pages = sorted((results / "build" / "html").glob("*.html"))
    charts = sorted((results / "figures").glob("*.png"))
    return {"size": size, "articles": articles, "exit": child.returncode, "wall_s": round(wall, 1),
            "tag_s": float(tagged.group(1)) if tagged else None,
            "notebook_s": notebooks, "notebook_peak_mib": {k: round(v) for k, v in kernel_peaks.items()},
            "main_peak_mib": round(main_peak), "max_rss_mib": round(usage.ru_maxrss / 1024),
            "pages_mb": round(sum(p.stat().st_size for p in pages) / 1e6, 2),
            "largest_page_mb": round(max((p.stat().st_size for p in pages), default=0) / 1e6, 2),
            "charts_mb": round(sum(p.stat().st_size for p in charts) / 1e6, 2),
            "log_tail": log.strip().splitlines()[-1] if log.strip() else ""}


def print_table(figures: list[dict]) -> None:
    names = sorted({n for f in figures for n in f["notebook_s"]})
    header = ["", *[f"{f['size']} ({f['articles']:,} art.)" for f in figures]]
    rows = [["whole reproduce, wall s", *[f"{f['wall_s']:.1f}" for f in figures]],
            ["tagging s (in reproduce)", *[f"{f['tag_s']}" for f in figures]]]
    rows += [[f"{n} s / peak MiB", *[f"{f['notebook_s'].get(n, '-')} / {f['notebook_peak_mib'].get(n, '-')}"
                                    for f in figures]] for n in names]
    rows += [["main process peak MiB", *[str(f["main_peak_mib"]) for f in figures]],
             ["max RSS of any process MiB", *[str(f["max_rss_mib"]) for f in figures]],
             ["pages MB (largest)", *[f"{f['pages_mb']} ({f['largest_page_mb']})" for f in figures]],
             ["charts PNG MB", *[str(f["charts_mb"]) for f in figures]],
             ["exit status", *[str(f["exit"]) for f in figures]]]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    for f in figures:
        target = TARGET_SECONDS.get(f["size"])
        if target:
            ok = f["wall_s"] <= target and f["max_rss_mib"] < TARGET_PEAK_MIB and f["exit"] == 0
            print(f"target {f['size']} articles: <= {target} s and every process < {TARGET_PEAK_MIB} MiB: "
                  f"{'PASS' if ok else 'MISS'} ({f['wall_s']:.1f} s, {f['max_rss_mib']} MiB)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(DEFAULT_SIZES),
                        help="comma-separated: seeds and/or numbers of generated articles")
    parser.add_argument("--workdir", default=None, help="keep (and reuse) the generated corpora and results here")
    parser.add_argument("--json", default=None, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kuril-reproduce-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    import analysis

    print(f"measuring {Path(analysis.__file__).parent} on {os.cpu_count()} cores; work folder {workdir}",
          flush=True)
    figures = []
    for size in args.sizes.split(","):
        figures.append(run_size(size.strip(), workdir))
        print(json.dumps({k: v for k, v in figures[-1].items() if k != "log_tail"}), flush=True)
    print_table(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
