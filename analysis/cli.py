"""Command line: ``python -m analysis tag``, ``worksheet``, ``score`` and ``reproduce``.

Errors in the input end the command with one readable line naming the file and the problem (exit 2),
never a traceback.
"""
from __future__ import annotations

import argparse
import signal
import sys
import warnings
from pathlib import Path

from . import paths
from .vocab import WORKSHEET_STRATEGIES


def _input_errors():
    from .corpus import CorpusError
    from .datafiles import DataFileError
    from .reproduce import ReproduceError
    return (CorpusError, DataFileError, ReproduceError)


def _data_files(args):
    from .pipeline import DataFiles

    return DataFiles.given(args.codebook, args.actors, args.chrome_rules)


def _tag(args) -> int:
    from .pipeline import SHOWN_SKIPPED, check_output, tag_corpus_to, use_large_run_memory_settings

    data = _data_files(args)
    check_output(args.out, args.corpus, data)   # before any work, not after a long run
    memory = use_large_run_memory_settings()
    tagger = _trained_tagger(args, data) if args.train else _tagger_leaving_out(args, data) if args.leave_out \
        else args.tagger
    # Written chunk by chunk: a corpus of a million statements is never one table in memory.
    summary = tag_corpus_to(args.corpus, args.out, tagger=tagger, data=data,
                            on_error="skip" if args.skip_bad else "raise", progress=not args.quiet,
                            memory=memory)
    # The summary line names only the first few skipped files; the rest get a line each, so a large run
    # drops nothing silently.
    for source, why in summary.skipped[SHOWN_SKIPPED:]:
        print(f"skipped: {source}: {why}", file=sys.stderr)
    print(f"tag: {summary.line()} -> {args.out}", file=sys.stderr)
    return 0


def _trained_tagger(args, data):
    """The model or ensemble trained with the user's codes too; prints the leave-one-article-out scores on
    those codes before and after, and the words over-represented in each stance's statements (cue ideas)."""
    from .codebook import load_codebook
    from .learning import keyness, keyness_kwic, scores_before_after, user_codes
    from .pipeline import make_tagger

    if args.tagger == "codebook":
        raise ValueError("--train teaches the classifier: use it with --tagger model or --tagger ensemble")
    codebook = load_codebook(data.codebook)
    codes = user_codes(args.train, codebook=codebook)
    _, scores = scores_before_after(codes, codebook=codebook)
    print(f"train: {len(codes)} coded statements of {codes['article_id'].nunique()} articles from {args.train}; "
          "F1 on them, leave one article out (before -> after learning them):", file=sys.stderr)
    for row in scores.itertuples(index=False):
        print(f"  {row.stance:<28} {row.f1_before:.2f} -> {row.f1_after:.2f}  ({row.support} statements)",
              file=sys.stderr)
    keys = keyness(codes, codebook.stance_ids, k=5)
    lines = keyness_kwic(codes, keys, per_term=1).drop_duplicates(["stance", "term"]).set_index(["stance", "term"])
    if len(keys):
        print("train: words over-represented in your positives (log-likelihood G2; ideas for codebook cues):",
              file=sys.stderr)
    for row in keys.itertuples(index=False):
        line = lines.loc[(row.stance, row.term)] if (row.stance, row.term) in lines.index else None
        context = f"  ...{line.left} [{line.match}] {line.right}..." if line is not None else ""
        print(f"  {row.stance:<28} {row.term!r} {row.target}/{row.reference} G2 {row.g2:.1f}{context}",
              file=sys.stderr)
    return make_tagger(args.tagger, codebook, extra_training=codes)


def _tagger_leaving_out(args, data):
    """The model or ensemble trained without the coded tables ``--leave-out`` names: a set the shipped model
    learns from scored as if it had never seen it."""
    from .codebook import load_codebook
    from .pipeline import make_tagger

    if args.tagger == "codebook":
        raise ValueError("--leave-out concerns what the classifier learns: use it with --tagger model or ensemble")
    learned = {path.resolve(): path for path in (paths.GOLD, paths.DEV_OUTLETS, *paths.LEARNED_FROM)}
    left = []
    for name in args.leave_out:
        path = Path(name).resolve()
        if path not in learned:
            raise ValueError(f"--leave-out {name}: not one of the coded tables the classifier learns from "
                             f"(the seed gold, data/annotations/dev_outlets.csv, the real-genre sets' dev parts "
                             f"and their read test parts)")
        left.append(learned[path])
    return make_tagger(args.tagger or "ensemble", load_codebook(data.codebook), leave_out=tuple(left))


def _worksheet(args) -> int:
    from .worksheet import write_worksheet

    written = write_worksheet(args.corpus, args.out, n=args.n, strategy=args.strategy, seed=args.seed,
                              data=_data_files(args), printable=args.printable, pdf=args.pdf)
    files = ", ".join(str(written[name]) for name in ("sheet", "codebook", "html", "pdf") if name in written)
    print(f"worksheet: {written['statements']} statements ({args.strategy}, seed {args.seed}) -> {files}",
          file=sys.stderr)
    return 0


def _reproduce(args) -> int:
    from .reproduce import reproduce

    reproduce(corpus=args.corpus, results=args.results, html=not args.no_html, data=_data_files(args),
              coding=args.coding, codes=args.codes)
    return 0


def _score(args) -> int:
    from .evaluation import read_coded, score_tagged
    from .pipeline import read_statements

    data = _data_files(args)
    from .codebook import load_codebook

    codebook = load_codebook(data.codebook)
    gold = read_coded(args.coded, codebook=codebook)
    table = score_tagged(gold, read_statements(args.tagged), codebook.stance_ids)
    for row in table.itertuples(index=False):
        value = f"{row.value:.0f}" if row.measure.startswith("statements") else f"{row.value:.3f}"
        print(f"{row.measure:<40} {value}")
    return 0


def _add_data_file_options(parser) -> None:
    parser.add_argument("--codebook", default=None, help=f"codebook YAML (default: {paths.CODEBOOK.relative_to(paths.ROOT)})")
    parser.add_argument("--actors", default=None, help=f"actors CSV, read with the {paths.OFFICE_HOLDERS.name} beside it "
                        f"if there is one (default: {paths.ACTORS.relative_to(paths.ROOT)})")
    parser.add_argument("--chrome-rules", default=None,
                        help=f"chrome rules CSV (default: {paths.CHROME_RULES.relative_to(paths.ROOT)})")


def _one_line(err: Exception) -> str:
    """An error as one readable line: YAML and CSV parsers put the offending line and a caret below."""
    if isinstance(err, OSError) and err.filename is not None:
        message = f"{err.filename}: {err.strerror or err}"
    else:
        message = str(err)
    return "error: " + " ".join(message.split())


def _parser() -> argparse.ArgumentParser:
    """The command line: tag, worksheet, score and reproduce, each with its options."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tag = commands.add_parser("tag", help="write the tagged statement table of a corpus")
    tag.add_argument("corpus", help="folder of .txt articles (optional articles.csv), or a .csv/.jsonl file")
    tag.add_argument("--out", required=True, help="output file: .csv or .parquet")
    tag.add_argument("--tagger", choices=["codebook", "model", "ensemble"], default=None,
                     help="stance tagger (default: ensemble, the codebook's cues and the classifier's confident "
                          "stances; see docs/evaluation.md for how the three compare)")
    tag.add_argument("--skip-bad", action="store_true",
                     help="skip unreadable articles (listed in the summary) instead of stopping")
    tag.add_argument("--quiet", action="store_true", help="no progress bar")
    tag.add_argument("--train", default=None, metavar="CODES.csv",
                     help="a coding sheet of your statements (adjudicated): the model learns them too")
    tag.add_argument("--leave-out", action="append", default=[], metavar="CODED.csv",
                     help="a coded table the shipped classifier must not learn from (repeatable): to score a "
                          "set it learns from as one it has never seen")
    _add_data_file_options(tag)
    tag.set_defaults(run=_tag)
    sheet = commands.add_parser("worksheet", help="draw statements of a corpus for people to code")
    sheet.add_argument("corpus", help="folder of .txt articles (optional articles.csv), or a .csv/.jsonl file")
    sheet.add_argument("--out", required=True, help="the sheet (.csv); its codebook summary and printable page go beside it")
    sheet.add_argument("--n", type=int, default=40, help="how many statements (default 40)")
    sheet.add_argument("--strategy", choices=WORKSHEET_STRATEGIES, default="stratified",
                       help="random; stratified by outlet and tagged stance; uncertain: where the taggers disagree")
    sheet.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    sheet.add_argument("--printable", default=None, metavar="PAGE.html",
                       help="the printable page without answers (default: beside the sheet, .html)")
    sheet.add_argument("--pdf", action="store_true",
                       help="also print the page to PDF (needs Chromium or Chrome; the HTML page prints anywhere)")
    _add_data_file_options(sheet)
    sheet.set_defaults(run=_worksheet)
    score = commands.add_parser("score", help="score a tagged table against a coded one (macro-F1, accuracies)")
    score.add_argument("coded", help="coded statements (the columns of data/annotations/gold.csv)")
    score.add_argument("tagged", help="the table tag wrote for the same articles (.csv or .parquet)")
    score.add_argument("--codebook", default=None, help="codebook YAML (default: data/codebook.yaml)")
    score.add_argument("--actors", default=None, help=argparse.SUPPRESS)
    score.add_argument("--chrome-rules", default=None, help=argparse.SUPPRESS)
    score.set_defaults(run=_score)
    rep = commands.add_parser("reproduce", help="run every notebook headless and regenerate all charts")
    rep.add_argument("--corpus", default=str(paths.ARTICLES))
    rep.add_argument("--results", default=None, help="results folder (default: results/, or results/<corpus>/)")
    rep.add_argument("--no-html", action="store_true", help="skip the static HTML export")
    rep.add_argument("--coding", default=None,
                     help="folder of coding sheets (one per student) for notebook 05 (default: the example class)")
    rep.add_argument("--codes", default=None,
                     help="folder of your coders' sheets for notebook 06 (default: the example research sample)")
    _add_data_file_options(rep)
    rep.set_defaults(run=_reproduce)
    return parser


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "tagger", "x") is None:
        from .pipeline import DEFAULT_TAGGER
        args.tagger = DEFAULT_TAGGER
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, category, *rest, **kw: print(f"warning: {message}", file=sys.stderr)
        from .output_files import Interrupted, clean_exit_on_termination
        from .pipeline import StatementCountError

        try:
            with clean_exit_on_termination():
                return args.run(args)
        except (*_input_errors(), OSError, ValueError) as err:
            print(_one_line(err), file=sys.stderr)
            return 2
        except StatementCountError as err:
            print(_one_line(err), file=sys.stderr)
            return 3
        except (KeyboardInterrupt, Interrupted) as err:
            # Temporary files are gone by now (every writer cleans up on the way out); earlier outputs stand.
            signum = getattr(err, "signum", signal.SIGINT)
            print(f"interrupted ({signal.Signals(signum).name}): nothing was written, earlier outputs are "
                  "unchanged", file=sys.stderr)
            return 128 + signum


if __name__ == "__main__":
    sys.exit(main())
