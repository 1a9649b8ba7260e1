"""Coding in the notebook: a form over a worksheet, for coders who prefer it to a spreadsheet.

The form shows one statement at a time in its context (the statement before and after it, the speaker, the
article, outlet and date), a box for each stance of the codebook (its ids and labels are read from the
codebook, so a teacher's own codebook brings its own boxes), "no stance", whose position it is
(``holder_side``) and, optionally, who speaks (``voice_side``) and how (``mode``). Previous and Next move
through the sheet; every move and the Save button write the sheet.

The CSV stays the format of record: the form writes the worksheet's own columns (``worksheet.SHEET_COLUMNS``,
and any others the sheet had, after them), so ``analysis.coding.read_codings`` reads it like a sheet filled
in a spreadsheet. A statement left without any answer stays *not coded yet* (empty cells), never a "no".

What it writes, and what it never touches:

- It writes whole files only: a temporary file beside the target, renamed over it once complete.
- The worksheet it starts from is an input: it is never written, unless the user gives its own path as
  ``out``.
- Without ``out`` it writes ``<sheet>.coded.csv`` beside the sheet and remembers, in a hidden file beside it
  (``.<name>.form``), the SHA-256 of what it wrote. It resumes from that file next time; a file of that name
  that it did not write (or that changed since) is refused, and the message says how to resume from it: give
  its path as ``out`` explicitly.
- Given ``out`` (the user's explicit choice), it resumes from that file if it exists, and writes to it.

Example (headless, as the tests drive it)::

    form = CodingForm.open("notebooks/coding/blank_worksheet.csv", out="my_codes.csv")
    form.stance_boxes["treaty_first"].value = True
    form.holder.value = "russia"
    form.next_button.click()        # writes my_codes.csv, shows item 2
"""
from __future__ import annotations

import hashlib
import html
from pathlib import Path

import pandas as pd

from . import output_files
from .codebook import Codebook, load_codebook
from .coding import CodingError, KEYS, SINGLE_VALUED, read_sheet
from .datafiles import read_table
from .worksheet import FILL_COLUMNS, SHEET_COLUMNS

NOT_CODED = "(not coded)"
NO_STANCE = "none"
MARKER = ".{name}.form"


def default_out(sheet: Path) -> Path:
    """Where the form writes when no ``out`` is given: ``<sheet>.coded.csv`` beside the sheet."""
    sheet = Path(sheet)
    return sheet.with_name(f"{sheet.stem}.coded.csv")


def _marker(path: Path) -> Path:
    return path.with_name(MARKER.format(name=path.name))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def written_by_form(path: Path) -> bool:
    """Whether ``path`` is exactly the file the form last wrote there."""
    marker = _marker(path)
    return path.is_file() and marker.is_file() and marker.read_text(encoding="utf-8").strip() == _sha256(path)


def read_form_sheet(path: Path, *, codebook: Codebook) -> pd.DataFrame:
    """A worksheet (blank or partly coded) as strings, every answer checked with ``coding.read_sheet``.

    Raises:
        CodingError: one line naming the file, row and column of the first cell that is not valid.
    """
    table = read_table(path, required=KEYS + ["text", "stances", "holder_side"], error=CodingError)
    table = output_files.undo_spreadsheet_safe(table.fillna("").astype(str))
    for column in FILL_COLUMNS:
        if column not in table:
            table[column] = ""
    problems = read_sheet(path, codebook=codebook).problems
    if len(problems):
        from .coding import problem_line

        raise CodingError(problem_line(problems.iloc[0].to_dict()) + "; fix it, then open the form again")
    if table.empty:
        raise CodingError(f"{path}: the sheet has no statements")
    return table.reset_index(drop=True)


def sheet_csv(table: pd.DataFrame) -> pd.DataFrame:
    """The table in the worksheet's column order (other columns after), as ``write_worksheet`` writes it."""
    columns = [c for c in SHEET_COLUMNS if c in table] + [c for c in table if c not in SHEET_COLUMNS]
    return output_files.spreadsheet_safe(table[columns])


class CodingForm:
    """The form over one sheet; ``CodingForm.open`` makes it. ``widget`` is what the notebook shows.

    The widgets are attributes, so a test (or a teacher's script) can drive it: ``stance_boxes`` (stance id
    -> checkbox), ``no_stance``, ``holder``, ``voice``, ``mode``, ``note``, ``previous_button``,
    ``next_button``, ``save_button``; ``position`` is the row shown, ``status`` the last message.
    """

    def __init__(self, table: pd.DataFrame, out: Path, *, codebook: Codebook, source: Path):
        import ipywidgets as w

        self.table, self.out, self.codebook, self.source = table, Path(out), codebook, Path(source)
        self.position = self.first_not_coded()
        self.context = w.HTML()
        self.stance_boxes = {s.id: w.Checkbox(description=f"{s.label} ({s.id})", indent=False,
                                              tooltip=" ".join(s.definition.split()),
                                              layout=w.Layout(width="auto"))
                             for s in codebook.stances}
        self.no_stance = w.Checkbox(description="no stance (none)", indent=False, layout=w.Layout(width="auto"))
        self.holder = self._dropdown("holder_side", "whose position")
        self.voice = self._dropdown("voice_side", "who speaks (optional)")
        self.mode = self._dropdown("mode", "mode (optional)")
        self.note = w.Text(description="note", placeholder="optional")
        self.previous_button = w.Button(description="Previous", icon="arrow-left")
        self.next_button = w.Button(description="Next", icon="arrow-right")
        self.save_button = w.Button(description="Save", icon="save")
        self.message = w.HTML()
        self.status = ""
        for box in self.stance_boxes.values():
            box.observe(self._stance_ticked, names="value")
        self.no_stance.observe(self._none_ticked, names="value")
        self.previous_button.on_click(lambda _: self.move(-1))
        self.next_button.on_click(lambda _: self.move(+1))
        self.save_button.on_click(lambda _: self.save())
        self.widget = w.VBox([self.context, w.HTML("<b>Stances</b> (tick every one the statement expresses)"),
                              w.VBox([*self.stance_boxes.values(), self.no_stance]),
                              self.holder, self.voice, self.mode, self.note,
                              w.HBox([self.previous_button, self.next_button, self.save_button]), self.message])
        self.show()

    def _dropdown(self, column: str, description: str):
        import ipywidgets as w

        return w.Dropdown(options=[(NOT_CODED, "")] + [(v, v) for v in SINGLE_VALUED[column]], value="",
                          description=description, style={"description_width": "initial"})

    @classmethod
    def open(cls, sheet, out=None, *, codebook: Codebook | None = None) -> "CodingForm":
        """The form over ``sheet``, writing to ``out`` (see the module docstring for which file it resumes
        from and what it refuses).

        Raises:
            CodingError: the sheet or the file to resume from has a cell that is not valid, or ``out`` was not
                given and ``<sheet>.coded.csv`` exists without having been written by the form.
        """
        codebook = codebook or load_codebook()
        sheet = Path(sheet)
        if out is None:
            out = default_out(sheet)
            if out.exists() and not written_by_form(out):
                raise CodingError(f"{out}: exists and was not written by this form (or was changed since); to "
                                  f"resume from it, give its path: CodingForm.open({str(sheet)!r}, out={str(out)!r})")
        out = Path(out)
        if out.suffix.lower() != ".csv":
            raise CodingError(f"{out}: a coding sheet is a .csv file")
        source = out if out.exists() else sheet
        return cls(read_form_sheet(source, codebook=codebook), out, codebook=codebook, source=source)

    # ------------------------------------------------------------------------------------ the sheet's rows

    def is_coded(self, position: int) -> bool:
        row = self.table.loc[position]
        return any(str(row[c]).strip() for c in ("stances", *SINGLE_VALUED))

    def first_not_coded(self) -> int:
        """Where a coder resumes: the first row without any answer (the last row when all are coded)."""
        for position in range(len(self.table)):
            if not self.is_coded(position):
                return position
        return len(self.table) - 1

    def answers(self) -> dict:
        """What the widgets say for the row shown, as the sheet's cells."""
        ticked = [s for s, box in self.stance_boxes.items() if box.value]
        stances = ";".join(ticked) if ticked else (NO_STANCE if self.no_stance.value else "")
        return {"stances": stances, "holder_side": self.holder.value, "voice_side": self.voice.value,
                "mode": self.mode.value, "note": self.note.value.strip()}

    def record(self) -> None:
        """Copy the widgets into the row shown."""
        for column, value in self.answers().items():
            self.table.loc[self.position, column] = value

    def show(self) -> None:
        """Fill the widgets from the row at ``position``."""
        row = self.table.loc[self.position]
        given = {s.strip() for s in str(row["stances"]).split(";") if s.strip()}
        for stance, box in self.stance_boxes.items():
            box.value = stance in given
        self.no_stance.value = given == {NO_STANCE}
        self.holder.value = str(row["holder_side"]).strip()
        self.voice.value = str(row.get("voice_side", "")).strip()
        self.mode.value = str(row.get("mode", "")).strip()
        self.note.value = str(row.get("note", ""))
        self.context.value = context_html(row, position=self.position, total=len(self.table),
                                          coded=sum(self.is_coded(p) for p in range(len(self.table))))
        self.previous_button.disabled = self.position == 0
        self.next_button.disabled = self.position == len(self.table) - 1

    def move(self, step: int) -> None:
        """Keep the answers of the row shown, write the sheet, show the next (+1) or previous (-1) row."""
        self.save()
        self.position = min(max(self.position + step, 0), len(self.table) - 1)
        self.show()

    def save(self) -> Path:
        """Write the whole sheet to ``out`` (a temporary file renamed over it) and remember its SHA-256."""
        self.record()
        try:
            with output_files.whole_file(self.out) as partial:
                sheet_csv(self.table).to_csv(partial, index=False, lineterminator="\n")
            _marker(self.out).write_text(_sha256(self.out) + "\n", encoding="utf-8")
        except output_files.OutputError as err:
            self.status = str(err)
        else:
            coded = sum(self.is_coded(p) for p in range(len(self.table)))
            self.status = f"saved {coded} of {len(self.table)} statements coded to {self.out}"
        self.message.value = html.escape(self.status)
        return self.out

    # Ticking a stance unticks "no stance" and the other way round: the reader takes "none" only alone.
    def _stance_ticked(self, change) -> None:
        if change["new"]:
            self.no_stance.value = False

    def _none_ticked(self, change) -> None:
        if change["new"]:
            for box in self.stance_boxes.values():
                box.value = False

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _e(value) -> str:
    return html.escape(str(value or ""))


def context_html(row, *, position: int, total: int, coded: int) -> str:
    """The statement shown, between the one before and the one after it, with where it comes from."""
    where = ", ".join(_e(row.get(c, "")) for c in ("outlet", "date") if str(row.get(c, "") or ""))
    speaker = f"; speaker: <b>{_e(row.get('speaker', ''))}</b>" if str(row.get("speaker", "") or "") else ""
    return (f"<p>Item {position + 1} of {total} ({coded} coded). Article <b>{_e(row['article_id'])}</b>"
            f"{' (' + where + ')' if where else ''}, statement {_e(row['sent_idx'])}{speaker}</p>"
            f"<p style='color:#666'>{_e(row.get('before', ''))}</p>"
            f"<p style='font-size:1.15em'><b>{_e(row['text'])}</b></p>"
            f"<p style='color:#666'>{_e(row.get('after', ''))}</p>")


def form_in_notebook(sheet, out=None, *, codebook: Codebook | None = None):
    """``CodingForm.open`` for a notebook cell: the form, or the one line that says why it cannot open (a
    headless run of the notebook then goes on; the line names the file and the problem)."""
    try:
        return CodingForm.open(sheet, out, codebook=codebook)
    except CodingError as err:
        from IPython.display import Markdown

        return Markdown(f"The coding form cannot open: {html.escape(str(err))}")
