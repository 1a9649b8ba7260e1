"""Command line: ``python -m analysis tag`` and ``python -m analysis reproduce``.

Errors in the input end the command with one readable line naming the file and the problem (exit 2),
never a traceback.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from . import paths



def _input_errors():
    from .attribution import ActorsError
    from .codebook import CodebookError
    from .corpus import CorpusError
    from .evaluation import AnnotationError
    from .reproduce import ReproduceError
    return (CorpusError, CodebookError, ActorsError, AnnotationError, ReproduceError)


def _check_out(out: Path) -> None:
    """Refuse an output path that cannot be written before tagging, not after a long run."""
    if out.is_dir():
        raise ValueError(f"{out}: is a folder; --out takes a file name such as statements.csv")
    for folder in out.parents:
        if folder.exists():
            if not folder.is_dir():
                raise ValueError(f"{out}: cannot write: {folder} is a file, not a folder")
            break


def _tag(args) -> int:
    from .pipeline import SHOWN_SKIPPED, tag_corpus_to, use_large_run_memory_settings

    _check_out(Path(args.out))
    use_large_run_memory_settings()
    # Written chunk by chunk: a corpus of a million statements is never one table in memory.
    summary = tag_corpus_to(args.corpus, args.out, tagger=args.tagger,
                            on_error="skip" if args.skip_bad else "raise", progress=not args.quiet)
    # The summary line names only the first few skipped files; the rest get a line each, so a large run
    # drops nothing silently.
    for source, why in summary.skipped[SHOWN_SKIPPED:]:
        print(f"skipped: {source}: {why}", file=sys.stderr)
    print(f"tag: {summary.line()} -> {args.out}", file=sys.stderr)
    return 0


def _reproduce(args) -> int:
    from .reproduce import reproduce

    reproduce(corpus=args.corpus, results=args.results, html=not args.no_html)
    return 0


def _one_line(err: Exception) -> str:
    """An error as one readable line: YAML and CSV parsers put the offending line and a caret below."""
    if isinstance(err, OSError) and err.filename is not None:
        message = f"{err.filename}: {err.strerror or err}"
    else:
        message = str(err)
    return "error: " + " ".join(message.split())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tag = commands.add_parser("tag", help="write the tagged statement table of a corpus")
    tag.add_argument("corpus", help="folder of .txt articles (optional articles.csv), or a .csv/.jsonl file")
    tag.add_argument("--out", required=True, help="output file: .csv or .parquet")
    tag.add_argument("--tagger", choices=["codebook", "model"], default=None,
                     help="stance tagger (default: the one that scores better on the challenge set)")
    tag.add_argument("--skip-bad", action="store_true",
                     help="skip unreadable articles (listed in the summary) instead of stopping")
    tag.add_argument("--quiet", action="store_true", help="no progress bar")
    tag.set_defaults(run=_tag)
    rep = commands.add_parser("reproduce", help="run every notebook headless and regenerate all charts")
    rep.add_argument("--corpus", default=str(paths.ARTICLES))
    rep.add_argument("--results", default=None, help="results folder (default: results/, or results/<corpus>/)")
    rep.add_argument("--no-html", action="store_true", help="skip the static HTML export")
    rep.set_defaults(run=_reproduce)
    args = parser.parse_args(argv)
    if getattr(args, "tagger", "x") is None:
        from .pipeline import DEFAULT_TAGGER
        args.tagger = DEFAULT_TAGGER
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, category, *rest, **kw: print(f"warning: {message}", file=sys.stderr)
        try:
            return args.run(args)
        except (*_input_errors(), OSError, ValueError) as err:
            print(_one_line(err), file=sys.stderr)
            return 2


if __name__ == "__main__":
    sys.exit(main())
